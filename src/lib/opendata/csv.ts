/**
 * `/data/accounts.csv`: one row per account, for Excel. UTF-8 with a byte-order mark (without it
 * Excel reads Chinese as GBK mojibake), CRLF line ends, Chinese column headers. Two concessions
 * to Excel, both documented on the /data/ page: a long number (12 digits or more, or a leading
 * zero — a 16-digit Toutiao ID would become 1.89573E+15) is written as `="…"` so it stays text,
 * and a cell that starts with `=`, `+`, `-` or `@` gets a leading `'` so Excel never runs it as a
 * formula. Programs should read accounts.json, which holds the values unchanged.
 */
import { stringify } from 'csv-stringify/sync';
import type { Registry } from '../model.ts';
import { STATUS_NAMES } from '../model.ts';
import { accountsDocument, type UrlOf } from './index.ts';
import type { OpenAccount } from '../schema/opendata.ts';

/** The columns: Chinese header and the value of an account. */
export const CSV_COLUMNS: readonly (readonly [header: string, field: string, value: (a: OpenAccount) => string])[] = [
  ['账号编号', 'id', (a) => a.id],
  ['备案编号', 'filing_number', (a) => a.filing_number ?? ''],
  ['单位编号', 'unit', (a) => a.unit],
  ['主办单位', 'unit_name', (a) => a.unit_name],
  ['账号名称', 'name', (a) => a.name],
  ['平台编号', 'platform', (a) => a.platform],
  ['平台', 'platform_name', (a) => a.platform_name],
  ['账号ID', 'handle', (a) => a.handle],
  ['其他标识', 'identifiers', (a) => a.identifiers.join(' ')],
  ['账号链接', 'url', (a) => a.url ?? ''],
  ['认证主体', 'verified_as', (a) => a.verified_as ?? ''],
  ['功能定位', 'purpose', (a) => a.purpose],
  ['运维方式', 'operation', (a) => (a.operation === 'self' ? '自行运维' : '委托第三方运维')],
  ['运维单位', 'operator', (a) => a.operator ?? ''],
  ['状态', 'status', (a) => STATUS_NAMES[a.status]],
  ['开设日期', 'opened', (a) => a.opened],
  ['关停或注销日期', 'closed', (a) => a.closed ?? ''],
  ['停更公告', 'closure_notice', (a) => a.closure_notice ?? ''],
  ['接替账号', 'successor', (a) => a.successor ?? ''],
  ['曾用名', 'former_names', (a) => a.former_names.map((f) => f.value).join('、')],
  ['页面', 'page', (a) => a.page],
];

/** A cell as Excel should see it (see the file comment). */
export function excelCell(value: string): string {
  if (/^(0\d+|\d{12,})$/.test(value)) return `="${value}"`;
  if (/^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

/** The CSV text (with its BOM). */
export function accountsCsv(registry: Registry, urlOf: UrlOf): string {
  const rows = accountsDocument(registry, urlOf).accounts.map((a) => CSV_COLUMNS.map(([, , value]) => excelCell(value(a))));
  return `\uFEFF${stringify([CSV_COLUMNS.map(([header]) => header), ...rows], { record_delimiter: 'windows' })}`;
}
