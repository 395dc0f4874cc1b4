/**
 * `data/filing-numbers.yaml`: the append-only ledger of filing numbers (备案编号). Every number
 * ever given stays here with the account it was given to, so a number is never given twice, even
 * after the account is deregistered; when an account file moves (the unit or file name changes)
 * its entry follows it and keeps the number.
 */
import * as z from 'zod';
import { accountId } from './common.ts';
import { FILING_NUMBER_RE } from './account.ts';

/** One number given to one account. */
export const FilingNumberEntrySchema = z
  .strictObject({
    /** The filing number, `<region code>-<year>-<sequence>`. */
    number: z.string().regex(FILING_NUMBER_RE).meta({ title: '备案编号', description: '备案编号，例如 622926-2026-0012' }),
    /** The account it was given to. */
    account: accountId().meta({ title: '账号', description: '编号所属账号：单位编号/账号文件名，例如 jiaoyuju/wechat' }),
  })
  .meta({ title: '编号记录', description: '一个备案编号及其所属账号' });

/** Schema of `data/filing-numbers.yaml`. */
export const FilingNumbersSchema = z
  .strictObject({
    /** Every number ever given, in the order given. Entries are never removed. */
    numbers: z
      .array(FilingNumberEntrySchema)
      .default([])
      .meta({ title: '备案编号', description: '已编定的全部备案编号，按编定先后排列；只增不删（账号注销后编号仍保留，不再使用）' }),
  })
  .meta({
    title: '备案编号登记簿',
    description: 'data/filing-numbers.yaml：已编定的全部备案编号及其所属账号（由 npm run number 维护，只增不删）',
  });

export type FilingNumbers = z.output<typeof FilingNumbersSchema>;
export type FilingNumberEntry = z.output<typeof FilingNumberEntrySchema>;
