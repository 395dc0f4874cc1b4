/** `data/policy.yaml`: the thresholds of the governing rules. Policy is data, never code. */
import * as z from 'zod';
import { date } from './common.ts';

function days(title: string, description: string) {
  return z.int().min(1).max(366).meta({ title, description });
}

/** Schema of `data/policy.yaml`. */
export const PolicySchema = z
  .strictObject({
    /** Working days allowed between an event (opening, change, closure) and its filing. */
    filing_deadline_working_days: days('备案时限（工作日）', '开设、变更、关停、注销后须在多少个工作日内备案，例如 3'),
    /** Days without a post after which an inspection gives a warning. */
    stale_warning_days: days('更新预警天数', '巡查时距最近一次更新超过多少天给出预警，例如 7'),
    /** Days without a post after which an inspection fails the account outright (单项否决). */
    stale_fail_days: days('单项否决天数', '巡查时距最近一次更新超过多少天判定单项否决（“僵尸”账号），例如 14'),
    /** Days between two inspections of every account. */
    inspection_interval_days: days('巡查周期（天）', '每隔多少天巡查一次全部账号，例如 7'),
    /** Events before this day predate the filing requirement and are not checked for timeliness. */
    filing_checked_from: date().optional().meta({
      title: '备案时限起算日',
      description: '备案制度施行日期：此前发生的事项（例如历史账号的开设）不检查备案时限，例如 2025-01-01',
    }),
    /** Accounts whose opening was filed on or after this day must carry a filing number. */
    filing_number_required_from: date().optional().meta({
      title: '备案编号起始日',
      description:
        '自此日期起备案开设的账号必须有备案编号（filing_number）；此前开设的账号可由 npm run number 补编，例如 2026-01-01。不填则不要求',
    }),
    /** Days after which the last check of an account's two-way proof is out of date; absent: proof is not required. */
    proof_stale_days: days(
      '双向核验有效天数',
      '在用账号须在平台上（简介、菜单或置顶内容）标明备案编号或名录链接；最近核对超过多少天给出预警，例如 90。不填则不检查双向核验',
    ).optional(),
  })
  .meta({ title: '政策阈值', description: 'data/policy.yaml：备案时限、更新要求和巡查周期' });

export type Policy = z.output<typeof PolicySchema>;
