/** `data/inspections/<YYYY>/<YYYY-MM-DD>.yaml`: one weekly inspection record. */
import * as z from 'zod';
import { accountId, date, note, slug } from './common.ts';

/** Finding codes with their Chinese names. */
export const FINDINGS = {
  stale: '更新不及时',
  unreachable: '无法访问',
  'no-interaction': '互动功能缺失',
  'content-error': '内容错误',
  unverified: '未认证',
  'name-mismatch': '名称不符',
  impersonated: '被仿冒',
} as const;
export type Finding = keyof typeof FINDINGS;

const finding = () =>
  z.enum(Object.keys(FINDINGS) as [Finding, ...Finding[]]).meta({
    title: '问题',
    description:
      'stale 更新不及时 · unreachable 无法访问 · no-interaction 互动功能缺失 · content-error 内容错误 · unverified 未认证 · name-mismatch 名称不符 · impersonated 被仿冒',
  });

/** What an inspector saw of an account's two-way proof, with the Chinese names. */
export const PROOF_RESULTS = {
  ok: '已标明',
  missing: '未标明',
  changed: '已改动',
} as const;
export type ProofResult = keyof typeof PROOF_RESULTS;

/** The result of checking one account. */
export const CheckSchema = z
  .strictObject({
    /** Account id `<unit-id>/<slug>`. */
    account: accountId().meta({ title: '账号', description: '账号编号：单位编号/账号文件名，例如 jiaoyuju/wechat' }),
    /** Day of the latest post seen, or null when the account has never posted. */
    last_post: date().nullable().meta({ title: '最近更新日期', description: '巡查时看到的最近一次发布日期；从未发布写 null' }),
    /** Problems found. */
    findings: z.array(finding()).default([]).meta({ title: '发现问题', description: '发现的问题，没有写 []' }),
    /** Whether the account still shows its filing number or the registry's link where its filing says (two-way proof). */
    proof: z
      .enum(Object.keys(PROOF_RESULTS) as [ProofResult, ...ProofResult[]])
      .optional()
      .meta({
        title: '双向核验',
        description: 'ok 账号上仍标明备案编号（核对日期更新为巡查日期） · missing 账号上找不到 · changed 内容已改动；未核对不写',
      }),
    /** Remark. */
    note: note().optional().meta({ title: '备注', description: '备注' }),
  })
  .meta({ title: '巡查结果', description: '一个账号的巡查结果' });

/** A rectification (整改) ordered after a finding. */
export const RectificationSchema = z
  .strictObject({
    /** Account id. */
    account: accountId().meta({ title: '账号', description: '账号编号：单位编号/账号文件名' }),
    /** The finding to rectify. */
    issue: finding(),
    /** Due date of the rectification. */
    due: date().meta({ title: '整改期限', description: '整改截止日期，YYYY-MM-DD' }),
    /** Day it was resolved, or null while open. */
    resolved: date().nullable().meta({ title: '整改完成日期', description: '整改完成日期；未完成写 null' }),
    /** Remark. */
    note: note().optional().meta({ title: '备注', description: '备注' }),
  })
  .meta({ title: '整改', description: '巡查发现问题后要求的整改' });

/** Schema of an inspection file. */
export const InspectionSchema = z
  .strictObject({
    /** Inspection day; must equal the file name. */
    date: date().meta({ title: '巡查日期', description: '巡查日期，须与文件名一致' }),
    /** Unit id of the inspecting unit (the information centre). */
    inspector: slug().meta({ title: '巡查单位', description: '巡查单位的单位编号，例如 xinxi-zhongxin' }),
    /** One result per account checked. */
    checks: z.array(CheckSchema).meta({ title: '巡查结果', description: '每个账号一条巡查结果' }),
    /** Rectifications ordered. */
    rectifications: z.array(RectificationSchema).default([]).meta({ title: '整改要求', description: '本次巡查提出的整改要求' }),
    /** Remark. */
    note: note().optional().meta({ title: '备注', description: '备注' }),
  })
  .meta({ title: '巡查记录', description: 'data/inspections/<年份>/<日期>.yaml：一次每周巡查的记录' });

export type Inspection = z.output<typeof InspectionSchema>;
export type Check = z.output<typeof CheckSchema>;
export type Rectification = z.output<typeof RectificationSchema>;
