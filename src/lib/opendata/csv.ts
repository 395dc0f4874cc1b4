/**
 * `/data/accounts.csv`: one row per account, for Excel, with Chinese column headers, written by
 * the project's one CSV writer (src/lib/format/csv.ts: BOM, CRLF, long numbers kept as text,
 * formula-like cells prefixed with `'`; both concessions are documented on the /data/ page).
 * Programs should read accounts.json, which holds the values unchanged.
 */
import { toCsv } from '../format/csv.ts';
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

/** The CSV text (with its BOM). */
export function accountsCsv(registry: Registry, urlOf: UrlOf): string {
  const rows = accountsDocument(registry, urlOf).accounts.map((a) => CSV_COLUMNS.map(([, , value]) => value(a)));
  return toCsv(
    CSV_COLUMNS.map(([header]) => header),
    rows,
  );
}
