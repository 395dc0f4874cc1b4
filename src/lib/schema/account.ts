/** `data/units/<unit-id>/accounts/<slug>.yaml`: one account of a unit. */
import * as z from 'zod';
import { accountId, date, note, text, token, urlText, webUrl } from './common.ts';

/** Lifecycle event types with their Chinese names. */
export const EVENT_TYPES = {
  opened: '开设',
  changed: '变更',
  suspended: '关停',
  resumed: '恢复',
  deregistered: '注销',
} as const;
export type EventType = keyof typeof EVENT_TYPES;

/** Fields every lifecycle event has. */
const eventBase = {
  /** Day the event happened on the platform. */
  date: date().meta({ title: '发生日期', description: '事项发生日期，YYYY-MM-DD' }),
  /** Day it was filed (备案) with the county office. */
  filed: date().meta({ title: '备案日期', description: '向县政府信息中心备案的日期，YYYY-MM-DD；须在发生后规定的工作日内' }),
  /** Remark. */
  note: note().optional().meta({ title: '备注', description: '备注' }),
};

/** Public notice of a closure (停更公告). */
const noticeUrl = () =>
  webUrl().nullable().optional().meta({ title: '公告链接', description: '停更／注销公告的网页地址，告知公众该账号不再是官方账号' });

/** Account that takes over after a closure. */
const successor = () =>
  accountId()
    .nullable()
    .optional()
    .meta({ title: '接替账号', description: '接替本账号的账号编号（单位编号/账号文件名），例如 jiaoyuju/wechat；没有写 null' });

/** An account's lifecycle event. */
export const EventSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        /** `opened`: the account was opened. */
        type: z.literal('opened').meta({ title: '事项类型', description: 'opened 开设' }),
        ...eventBase,
      })
      .meta({ title: '开设', description: '账号开设' }),
    z
      .strictObject({
        /** `changed`: name, handle or other details changed. */
        type: z.literal('changed').meta({ title: '事项类型', description: 'changed 变更' }),
        ...eventBase,
        /** Name before the change (stays verifiable as a former name). */
        previous_name: text({ max: 50 }).optional().meta({ title: '原名称', description: '变更前的账号名称（公众仍可查到“曾用名”）' }),
        /** Handle before the change. */
        previous_handle: token(100).optional().meta({ title: '原账号 ID', description: '变更前的账号 ID' }),
        /** Verification subject before the change. */
        previous_verified_as: text({ max: 100 }).nullable().optional().meta({ title: '原认证主体', description: '变更前的认证主体' }),
      })
      .meta({ title: '变更', description: '账号名称、ID、认证主体等变更' }),
    z
      .strictObject({
        /** `suspended`: the account stopped publishing (关停). */
        type: z.literal('suspended').meta({ title: '事项类型', description: 'suspended 关停' }),
        ...eventBase,
        notice_url: noticeUrl(),
        successor: successor(),
      })
      .meta({ title: '关停', description: '账号关停（停止更新）' }),
    z
      .strictObject({
        /** `resumed`: a suspended account publishes again. */
        type: z.literal('resumed').meta({ title: '事项类型', description: 'resumed 恢复' }),
        ...eventBase,
      })
      .meta({ title: '恢复', description: '关停的账号恢复更新' }),
    z
      .strictObject({
        /** `deregistered`: the account was deleted on the platform (注销). */
        type: z.literal('deregistered').meta({ title: '事项类型', description: 'deregistered 注销' }),
        ...eventBase,
        notice_url: noticeUrl(),
        successor: successor(),
      })
      .meta({ title: '注销', description: '账号在平台注销' }),
  ])
  .meta({ title: '备案事项', description: '开设、变更、关停、恢复、注销中的一项，按日期先后排列' });

/** Approval of a second account on one platform. */
export const WaiverSchema = z
  .strictObject({
    /** Why the unit needs another account on the same platform. */
    reason: text({ max: 500, multiline: true }).meta({ title: '理由', description: '同一平台开设第二个账号的理由' }),
    /** Who approved it. */
    approved_by: text({ max: 100 }).meta({ title: '批准单位', description: '批准单位，例如：县政府办公室' }),
    /** When it was approved. */
    approved_on: date().meta({ title: '批准日期', description: '批准日期，YYYY-MM-DD' }),
  })
  .meta({ title: '例外批准', description: '同一平台第二个账号的批准记录；没有写 null' });

/** Where an account shows its filing number or the registry's link, and when that was last seen. */
export const ProofSchema = z
  .strictObject({
    /** The place on the platform that shows it. */
    where: z
      .enum(['profile', 'menu', 'pinned', 'other'])
      .meta({ title: '展示位置', description: 'profile 账号简介 · menu 自定义菜单 · pinned 置顶内容 · other 其他（在 text 中写明）' }),
    /** The text as the account shows it, e.g. `政务新媒体备案编号 622926-2026-0012`. */
    text: text({ max: 200 }).meta({ title: '展示内容', description: '账号上显示的原文，例如：政务新媒体备案编号 622926-2026-0012' }),
    /** The day someone of the office last saw it there. */
    checked: date().meta({ title: '核对日期', description: '最近一次核对账号上确有此内容的日期，YYYY-MM-DD' }),
  })
  .meta({ title: '双向核验', description: '账号在平台上何处展示备案编号或名录链接，以及最近核对日期；没有写 null' });

/** `<6-digit region code>-<year>-<4-digit sequence>`, e.g. `622926-2026-0012`. */
export const FILING_NUMBER_RE = /^\d{6}-\d{4}-\d{4}$/;

/** Schema of an account file. */
export const AccountSchema = z
  .strictObject({
    /** Account name as shown on the platform. */
    name: text({ max: 50 }).meta({ title: '账号名称', description: '平台上显示的账号名称，例如：东乡教育' }),
    /** Platform id from `data/platforms.yaml`. */
    platform: z.string().max(64).meta({ title: '平台', description: 'data/platforms.yaml 中的平台编号，例如 wechat、weibo、douyin' }),
    /** The platform's public ID: 微信号, 抖音号, 微博 UID, AppID… Quote it when it is all digits. */
    handle: token(100).meta({
      title: '账号 ID',
      description: '平台上的公开账号 ID（微信号、抖音号、微博 UID、AppID 等）；全是数字时须加引号',
    }),
    /** Other public identifiers citizens may meet: original ID, QR payload URL… */
    identifiers: z
      .array(token(2000))
      .default([])
      .meta({ title: '其他标识', description: '公众可能见到的其他标识：原始 ID（gh_ 开头）、二维码链接等' }),
    /**
     * Filing number (备案编号) given when the office accepted the filing: region code, year,
     * sequence. Stable and never reused: kept through renames and after closure.
     */
    filing_number: z.string().regex(FILING_NUMBER_RE).optional().meta({
      title: '备案编号',
      description:
        '县政府信息中心受理备案时编定的编号：6 位行政区划代码-年份-4 位序号，例如 622926-2026-0012；一经编定永不改变、不重复使用',
    }),
    /** Public URL of the account, or null where the platform has no public page. */
    url: urlText().nullable().meta({ title: '账号链接', description: '账号的公开网页地址（https://）；平台没有公开网页时写 null' }),
    /** Verification subject (认证主体) shown on the platform, or null when not verified. */
    verified_as: text({ max: 100 })
      .nullable()
      .meta({ title: '认证主体', description: '平台上显示的认证主体，应为本单位全称；未认证写 null' }),
    /** What the account is for (功能定位). */
    purpose: text({ max: 500, multiline: true }).meta({
      title: '功能定位',
      description: '账号的功能定位，例如：发布教育政策、招生考试信息',
    }),
    /** Who runs it: the unit itself or a contractor. */
    operation: z
      .enum(['self', 'outsourced'])
      .meta({ title: '运维方式', description: 'self 自行运维 · outsourced 委托第三方运维（须填写 operator）' }),
    /** The company running the account when `operation: outsourced`. */
    operator: text({ max: 100 }).nullable().optional().meta({ title: '运维单位', description: '委托运维时的第三方单位名称' }),
    /** Lifecycle events, ascending; the first is `opened`. */
    events: z
      .array(EventSchema)
      .min(1)
      .meta({ title: '备案事项', description: '开设、变更、关停、恢复、注销记录，按日期先后排列，第一项为 opened' }),
    /** Where the account shows its filing number or the registry's link (two-way proof). */
    proof: ProofSchema.nullable().optional(),
    /** Approval for a second account on the same platform, or null. */
    waiver: WaiverSchema.nullable().default(null),
    /** Remark. */
    note: note().optional().meta({ title: '备注', description: '备注' }),
  })
  .meta({ title: '政务新媒体账号', description: 'data/units/<单位编号>/accounts/<账号文件名>.yaml：一个政务新媒体账号的备案信息' });

export type AccountFile = z.output<typeof AccountSchema>;
export type AccountEvent = z.output<typeof EventSchema>;
export type Waiver = z.output<typeof WaiverSchema>;
export type Proof = z.output<typeof ProofSchema>;
