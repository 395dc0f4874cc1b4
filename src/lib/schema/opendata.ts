/**
 * The published open data (`/data/accounts.json`, `/data/units.json`, `/data/impostors.json`):
 * zod schemas of the documents the site publishes, with Chinese titles and descriptions, from
 * which `npm run schemas` writes `schemas/open-data/*.schema.json` (published under
 * `/schemas/open-data/`). Third parties validate the downloads against them; the tests do too.
 */
import * as z from 'zod';
import { EVENT_TYPES } from './account.ts';
import { FINDINGS } from './inspection.ts';
import { UNIT_KINDS } from './unit.ts';

const day = () => z.iso.date();
const link = () => z.url();
const nullableText = (title: string, description: string) => z.string().nullable().meta({ title, description });

/** What every document starts with: which registry, as of when, under which licence. */
const header = {
  title: z.string().meta({ title: '名录标题', description: '发布本数据的名录' }),
  region: z
    .strictObject({ name: z.string(), code: z.string().regex(/^\d{6}$/) })
    .meta({ title: '地区', description: '名录覆盖的行政区：名称和 6 位行政区划代码' }),
  publisher: z.string().meta({ title: '发布单位', description: '负责名录的单位' }),
  as_of: day().meta({ title: '数据日期', description: '数据截至的日期（状态按这一天计算），YYYY-MM-DD' }),
  license: z.string().nullable().meta({ title: '许可协议', description: '数据的许可协议（SPDX 标识，例如 CC-BY-4.0）；未声明为 null' }),
  sample: z.boolean().meta({ title: '示例数据', description: 'true 表示为示例数据，不能用于核验真实账号' }),
};

const statusEnum = z.enum(['active', 'suspended', 'deregistered']);

/** An event as published: type, days, and the fields of its type. */
export const OpenEventSchema = z
  .strictObject({
    type: z
      .enum(Object.keys(EVENT_TYPES) as [keyof typeof EVENT_TYPES, ...(keyof typeof EVENT_TYPES)[]])
      .meta({ title: '事项类型', description: 'opened 开设 · changed 变更 · suspended 关停 · resumed 恢复 · deregistered 注销' }),
    date: day().meta({ title: '发生日期', description: 'YYYY-MM-DD' }),
    filed: day().meta({ title: '备案日期', description: 'YYYY-MM-DD' }),
    previous_name: z.string().optional().meta({ title: '原名称', description: '变更前的账号名称' }),
    previous_handle: z.string().optional().meta({ title: '原账号 ID', description: '变更前的账号 ID' }),
    previous_verified_as: z
      .string()
      .nullable()
      .optional()
      .meta({ title: '原认证主体', description: '变更前的认证主体；null 表示原来未认证' }),
    notice_url: z.string().nullable().optional().meta({ title: '公告链接', description: '停更／注销公告的网页地址' }),
    successor: z.string().nullable().optional().meta({ title: '接替账号', description: '接替账号的编号' }),
    note: z.string().optional().meta({ title: '备注', description: '备注' }),
  })
  .meta({ title: '备案事项', description: '账号的一项开设、变更、关停、恢复或注销记录' });

const former = z.strictObject({
  value: z.string().meta({ title: '原值', description: '曾经使用的名称或账号 ID' }),
  until: day().meta({ title: '停用日期', description: '变更之日（此后不再使用），YYYY-MM-DD' }),
});

const filingNumber = () =>
  z
    .string()
    .regex(/^\d{6}-\d{4}-\d{4}$/)
    .nullable()
    .meta({ title: '备案编号', description: '行政区划代码-年份-序号，例如 622926-2026-0012；永不改变、不重复使用；尚未编号为 null' });

/** Two-way proof as published (src/lib/facts/proof.ts). */
const openProof = () =>
  z
    .strictObject({
      where: z.enum(['profile', 'menu', 'pinned', 'other']).nullable().meta({
        title: '展示位置',
        description: 'profile 简介 · menu 菜单 · pinned 置顶内容 · other 其他；只有巡查确认、没有记录位置时为 null',
      }),
      text: z.string().nullable().meta({ title: '展示内容', description: '账号上显示的原文；没有记录时为 null' }),
      checked: day().meta({ title: '核对日期', description: '最近一次看到它的日期（备案中的核对日期或之后巡查确认的日期）' }),
    })
    .nullable()
    .meta({
      title: '双向核验',
      description: '账号在平台上何处标明备案编号或名录链接、最近核对日期；没有记录或最近一次巡查发现已撤下时为 null',
    });

/** One account as published. */
export const OpenAccountSchema = z
  .strictObject({
    id: z.string().meta({ title: '账号编号', description: '单位编号/账号文件名，例如 jiaoyuju/wechat' }),
    unit: z.string().meta({ title: '单位编号', description: '主办单位的编号' }),
    unit_name: z.string().meta({ title: '主办单位', description: '主办单位全称' }),
    name: z.string().meta({ title: '账号名称', description: '平台上显示的账号名称' }),
    platform: z.string().meta({ title: '平台编号', description: '平台编号，例如 wechat' }),
    platform_name: z.string().meta({ title: '平台', description: '平台中文名称' }),
    handle: z.string().meta({ title: '账号 ID', description: '平台上的公开账号 ID（微信号、抖音号、微博 UID、AppID 等）' }),
    identifiers: z.array(z.string()).meta({ title: '其他标识', description: '原始 ID、二维码链接等其他公开标识' }),
    filing_number: filingNumber(),
    url: nullableText('账号链接', '账号的公开网页地址；平台没有公开网页时为 null'),
    verified_as: nullableText('认证主体', '平台上显示的认证主体；未认证为 null'),
    purpose: z.string().meta({ title: '功能定位', description: '账号的功能定位' }),
    operation: z.enum(['self', 'outsourced']).meta({ title: '运维方式', description: 'self 自行运维 · outsourced 委托第三方运维' }),
    operator: nullableText('运维单位', '委托运维时的第三方单位；自行运维为 null'),
    status: statusEnum.meta({ title: '状态', description: 'active 在用 · suspended 已关停 · deregistered 已注销（按 as_of 日期）' }),
    opened: day().meta({ title: '开设日期', description: 'YYYY-MM-DD' }),
    closed: day().nullable().meta({ title: '关停或注销日期', description: '当前关停或注销的日期；在用为 null' }),
    closure_notice: nullableText('停更公告', '当前关停或注销的公告链接；没有为 null'),
    successor: nullableText('接替账号', '接替本账号的账号编号；没有为 null'),
    former_names: z.array(former).meta({ title: '曾用名', description: '变更前使用过的名称，按时间先后' }),
    former_handles: z.array(former).meta({ title: '原账号 ID', description: '变更前使用过的账号 ID，按时间先后' }),
    events: z.array(OpenEventSchema).min(1).meta({ title: '备案事项', description: '全部备案事项，按日期先后' }),
    waiver: z
      .strictObject({ reason: z.string(), approved_by: z.string(), approved_on: day() })
      .nullable()
      .meta({ title: '例外批准', description: '同一平台第二个账号的批准记录；没有为 null' }),
    last_inspection: z
      .strictObject({
        date: day().meta({ title: '巡查日期', description: 'YYYY-MM-DD' }),
        last_post: day().nullable().meta({ title: '最近更新日期', description: '巡查时看到的最近一次发布日期；从未发布为 null' }),
        findings: z
          .array(z.enum(Object.keys(FINDINGS) as [keyof typeof FINDINGS, ...(keyof typeof FINDINGS)[]]))
          .meta({ title: '发现问题', description: '问题代码，见巡查记录的说明' }),
      })
      .nullable()
      .meta({ title: '最近一次巡查', description: '检查了本账号的最近一次巡查；没有为 null' }),
    proof: openProof(),
    page: link().meta({ title: '页面', description: '账号在名录网站上的页面' }),
  })
  .meta({ title: '账号', description: '一个政务新媒体账号的备案信息' });

/** `/data/accounts.json`. */
export const OpenAccountsSchema = z
  .strictObject({
    ...header,
    count: z.int().min(0).meta({ title: '数量', description: '账号数' }),
    accounts: z.array(OpenAccountSchema).meta({ title: '账号', description: '全部账号（含已关停、已注销），按编号排序' }),
  })
  .meta({ title: '政务新媒体账号（开放数据）', description: '/data/accounts.json：名录中的全部账号' });

/** One unit as published (public office contacts only; maintainers are left out). */
export const OpenUnitSchema = z
  .strictObject({
    id: z.string().meta({ title: '单位编号', description: '单位编号' }),
    name: z.string().meta({ title: '单位全称', description: '单位全称' }),
    short_name: nullableText('简称', '单位简称；没有为 null'),
    aliases: z.array(z.string()).meta({ title: '其他名称', description: '平台认证主体可能显示的其他正式名称' }),
    kind: z.enum(Object.keys(UNIT_KINDS) as [keyof typeof UNIT_KINDS, ...(keyof typeof UNIT_KINDS)[]]).meta({
      title: '单位类型',
      description: 'township 乡镇 · county-department 县直部门 · institution 事业单位 · village 村（社区） · other 其他',
    }),
    kind_name: z.string().meta({ title: '单位类型名称', description: '单位类型的中文名称' }),
    parent: nullableText('上级单位', '上级单位编号；没有为 null'),
    contact: z
      .strictObject({
        phone: z.string().optional(),
        email: z.string().optional(),
        address: z.string().optional(),
        website: z.string().optional(),
      })
      .meta({ title: '公开联系方式', description: '办公电话、邮箱、地址、网站（没有的项不出现）' }),
    accounts: z
      .strictObject({ active: z.int().min(0), suspended: z.int().min(0), deregistered: z.int().min(0) })
      .meta({ title: '账号数', description: '在用、已关停、已注销的账号数' }),
    page: link().meta({ title: '页面', description: '单位在名录网站上的页面' }),
  })
  .meta({ title: '单位', description: '开设政务新媒体的主办单位' });

/** `/data/units.json`. */
export const OpenUnitsSchema = z
  .strictObject({
    ...header,
    count: z.int().min(0).meta({ title: '数量', description: '单位数' }),
    units: z.array(OpenUnitSchema).meta({ title: '单位', description: '全部单位，按编号排序' }),
  })
  .meta({ title: '单位（开放数据）', description: '/data/units.json：名录中的全部单位' });

/** One impostor as published. */
export const OpenImpostorSchema = z
  .strictObject({
    id: z.string().meta({ title: '编号', description: '仿冒账号记录的编号' }),
    platform: z.string().meta({ title: '平台编号', description: '仿冒账号所在平台' }),
    platform_name: z.string().meta({ title: '平台', description: '平台中文名称' }),
    name: z.string().meta({ title: '仿冒账号名称', description: '仿冒账号显示的名称' }),
    handle: nullableText('仿冒账号 ID', '仿冒账号的账号 ID；不知道为 null'),
    url: nullableText('仿冒账号链接', '仿冒账号的链接；不知道为 null'),
    imitates: z.string().meta({ title: '仿冒对象', description: '被仿冒的账号编号或单位编号' }),
    imitates_name: z.string().meta({ title: '仿冒对象名称', description: '被仿冒的账号或单位的名称' }),
    found: day().meta({ title: '发现日期', description: 'YYYY-MM-DD' }),
    reported: day().nullable().meta({ title: '举报日期', description: '向平台举报的日期；尚未举报为 null' }),
    removed: day().nullable().meta({ title: '处置日期', description: '平台关闭该账号的日期；仍在线为 null' }),
    source: z
      .enum(['inspection', 'public-report'])
      .meta({ title: '发现途径', description: 'inspection 巡查发现 · public-report 群众举报' }),
    note: nullableText('说明', '说明；没有为 null'),
  })
  .meta({ title: '仿冒账号', description: '一个被发现的仿冒政务新媒体账号' });

/** `/data/impostors.json`. */
export const OpenImpostorsSchema = z
  .strictObject({
    ...header,
    count: z.int().min(0).meta({ title: '数量', description: '仿冒账号数' }),
    impostors: z.array(OpenImpostorSchema).meta({ title: '仿冒账号', description: '全部仿冒账号记录，按编号排序' }),
  })
  .meta({ title: '仿冒账号（开放数据）', description: '/data/impostors.json：已发现的仿冒账号' });

/** `/data/snapshot.json`: what the detached signature `/data/snapshot.json.sig` covers. */
export const SnapshotSchema = z
  .strictObject({
    format: z.literal('gov-newmedia-registry/snapshot').meta({ title: '格式', description: '固定为 gov-newmedia-registry/snapshot' }),
    version: z.literal(1).meta({ title: '版本', description: '格式版本，目前为 1' }),
    ...header,
    site: nullableText('名录网址', '名录网站的地址；未配置为 null'),
    accounts: z
      .array(
        z.strictObject({
          id: z.string().meta({ title: '账号编号', description: '单位编号/账号文件名' }),
          filing_number: filingNumber(),
          unit: z.string().meta({ title: '单位编号', description: '主办单位的编号' }),
          unit_name: z.string().meta({ title: '主办单位', description: '主办单位全称' }),
          name: z.string().meta({ title: '账号名称', description: '平台上显示的账号名称' }),
          platform: z.string().meta({ title: '平台编号', description: '平台编号，例如 wechat' }),
          handle: z.string().meta({ title: '账号 ID', description: '平台上的公开账号 ID' }),
          identifiers: z.array(z.string()).meta({ title: '其他标识', description: '原始 ID、二维码链接等其他公开标识' }),
          url: nullableText('账号链接', '账号的公开网页地址；没有为 null'),
          verified_as: nullableText('认证主体', '平台上显示的认证主体；未认证为 null'),
          status: statusEnum.meta({ title: '状态', description: 'active 在用 · suspended 已关停 · deregistered 已注销' }),
          opened: day().meta({ title: '开设日期', description: 'YYYY-MM-DD' }),
          closed: day().nullable().meta({ title: '关停或注销日期', description: '在用为 null' }),
          former_names: z.array(z.string()).meta({ title: '曾用名', description: '变更前使用过的名称' }),
          former_handles: z.array(z.string()).meta({ title: '原账号 ID', description: '变更前使用过的账号 ID' }),
          proof: openProof(),
        }),
      )
      .meta({ title: '账号', description: '全部账号（含已关停、已注销），按编号排序' }),
    filing_numbers: z
      .array(
        z.strictObject({
          number: z.string().meta({ title: '备案编号', description: '已编定的备案编号' }),
          account: z.string().meta({ title: '账号编号', description: '编号所属账号' }),
          status: statusEnum.meta({ title: '状态', description: '所属账号的状态：注销后编号仍保留、不再使用' }),
        }),
      )
      .meta({ title: '备案编号', description: '已编定的全部备案编号（含已注销账号的），按编定先后' }),
    impostors: z
      .array(
        z.strictObject({
          id: z.string(),
          platform: z.string(),
          name: z.string(),
          handle: z.string().nullable(),
          url: z.string().nullable(),
          imitates: z.string(),
          found: day(),
          removed: day().nullable(),
        }),
      )
      .meta({ title: '仿冒账号', description: '已发现的仿冒账号：平台、名称、账号 ID、链接、仿冒对象、发现和处置日期' }),
  })
  .meta({
    title: '名录快照（已签名）',
    description:
      '/data/snapshot.json：账号、备案编号、状态和仿冒账号的快照，由 /data/snapshot.json.sig（OpenSSH 签名，命名空间 gov-newmedia-registry）签名',
  });

export type Snapshot = z.output<typeof SnapshotSchema>;
export type OpenAccount = z.output<typeof OpenAccountSchema>;
export type OpenAccounts = z.output<typeof OpenAccountsSchema>;
export type OpenUnit = z.output<typeof OpenUnitSchema>;
export type OpenUnits = z.output<typeof OpenUnitsSchema>;
export type OpenImpostor = z.output<typeof OpenImpostorSchema>;
export type OpenImpostors = z.output<typeof OpenImpostorsSchema>;
export type OpenEvent = z.output<typeof OpenEventSchema>;

/** The open-data documents by published file name (`/data/<name>.json`). */
export const OPEN_DATA_SCHEMAS = {
  accounts: OpenAccountsSchema,
  units: OpenUnitsSchema,
  impostors: OpenImpostorsSchema,
  snapshot: SnapshotSchema,
} as const;
export type OpenDataName = keyof typeof OPEN_DATA_SCHEMAS;

/** Folder of the open-data schemas under `schemas/` (and under `/schemas/` on the site). */
export const OPEN_DATA_SCHEMA_DIR = 'open-data';

/** Path under `schemas/` of an open-data document's JSON Schema. */
export function openDataSchemaPath(name: OpenDataName): string {
  return `${OPEN_DATA_SCHEMA_DIR}/${name}.schema.json`;
}

/** The JSON Schema (draft-07) of an open-data document, as published. */
export function openDataJsonSchema(name: OpenDataName): Record<string, unknown> {
  const schema = z.toJSONSchema(OPEN_DATA_SCHEMAS[name], { target: 'draft-7', io: 'output', unrepresentable: 'throw' });
  return { $id: `${name}.schema.json`, ...schema };
}

/** Every open-data JSON Schema, by path under `schemas/`, serialised exactly as committed. */
export function renderOpenDataSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of Object.keys(OPEN_DATA_SCHEMAS) as OpenDataName[]) {
    files.set(openDataSchemaPath(name), `${JSON.stringify(openDataJsonSchema(name), null, 2)}\n`);
  }
  return files;
}
