/**
 * Turns the information centre's weekly check sheet (an Excel sheet saved as CSV, UTF-8 or GBK)
 * into an inspection record in the canonical layout of data/inspections/<YYYY>/<date>.yaml.
 *
 * The sheet has the columns 账号 / 最近更新日期 / 问题 (and optionally 平台 and 备注), under a
 * header row that may follow a few title rows. Row numbers in messages are Excel's row numbers.
 *
 * 账号 is resolved in this order, among all accounts of the registry:
 *   1. the account id `unit/slug` (e.g. `jiaoyuju/wechat`), or its filing number (备案编号);
 *   2. a link: the account's url or an identifier written as a URL, compared by the one
 *      normaliser's lookup key (tracking parameters, `m.`/`www.` hosts ignored);
 *   3. the account's handle (微信号, 抖音号, UID…) or its current name, compared after the one
 *      normaliser (full-width, case, spaces); a 平台 column (id or name) narrows the match;
 *      when several accounts match, the one active on the inspection day wins; if still more
 *      than one, the row is ambiguous and must use the account id.
 * A former name or handle is not accepted (the sheet is out of date): the message names the
 * account it now belongs to.
 *
 * 最近更新日期 accepts 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日 and 20261120 (a time
 * after the date is ignored); empty, 无 or 从未更新 means the account never posted. 问题 lists
 * finding codes or their Chinese names (FINDINGS), separated by commas, 、 or spaces; empty or 无
 * means none. An account past the stale warning line gets `stale` added. Each finding except
 * `impersonated` gets a rectification due `dueDays` after the inspection, unless an earlier one
 * for the same account and issue is still open.
 *
 * An optional 双向核验 column records whether the account still shows its filing number where its
 * filing says (two-way proof): 是／已标明／ok, 否／未标明／missing, 已改动／不一致／changed;
 * empty means not checked.
 *
 * Unknown or ambiguous accounts, bad dates, unknown findings, duplicate rows, personal data in
 * remarks: every such row is reported and nothing is produced.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { addDays, daysBetween, isValidDate } from '../dates.ts';
import { parseFilingNumber } from '../filing-number.ts';
import { statusOn, type Account, type Registry } from '../model.ts';
import { looksLikeUrl, normalizeHandle, normalizeName, urlKey } from '../../shared/normalize.ts';
import { findPersonalData } from '../facts/personal-data.ts';
import { FINDINGS, PROOF_RESULTS, type Finding, type ProofResult } from '../schema/inspection.ts';
import { rectificationFacts, staleLevel } from '../facts/facts.ts';

export type SheetEncoding = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

/** Decodes the bytes of a CSV as Excel saves it: UTF-8 (with or without BOM), UTF-16 (BOM) or GBK/GB18030. */
export function decodeSheet(bytes: Uint8Array): { text: string; encoding: SheetEncoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gbk' };
  }
}

/** A problem with one row of the sheet (row 1 is the first line Excel shows). */
export interface RowError {
  readonly row: number;
  readonly message: string;
}

const COLUMNS = {
  account: ['账号', '帐号', '账号编号', '账号名称', '账号id', 'account'],
  lastPost: ['最近更新日期', '最近更新', '最后更新日期', '最近发布日期', '最近更新时间', 'last_post'],
  findings: ['问题', '发现问题', '存在问题', 'findings'],
  platform: ['平台', 'platform'],
  note: ['备注', '说明', 'note'],
  proof: ['双向核验', '备案编号核验', '核验', 'proof'],
} as const;
type Column = keyof typeof COLUMNS;

const header = (cell: string) => normalizeName(cell.replace(/^\uFEFF/, ''));

/** Where each column is, from the header row (searched in the first rows). */
function findHeader(records: string[][]): { index: number; columns: Partial<Record<Column, number>> } | undefined {
  for (let r = 0; r < Math.min(records.length, 10); r++) {
    const cells = records[r]!.map(header);
    const columns: Partial<Record<Column, number>> = {};
    for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      const i = cells.findIndex((c) => names.includes(c));
      if (i >= 0) columns[column] = i;
    }
    if (columns.account !== undefined && columns.lastPost !== undefined && columns.findings !== undefined) return { index: r, columns };
  }
  return undefined;
}

const NONE = new Set(['', '无', '没有', '正常', '-', '—', '/', '无问题', 'none']);
const NEVER = new Set(['', '无', '从未更新', '未更新', '从未发布', '-', '—', '/', 'null']);

/** Reads a date as clerks and Excel write it; undefined when it is not one. */
export function parseSheetDate(text: string): string | undefined {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(date) ? date : undefined;
}

const FINDING_ALIASES: Record<string, Finding> = {
  长期未更新: 'stale',
  未及时更新: 'stale',
  不更新: 'stale',
  打不开: 'unreachable',
  无法打开: 'unreachable',
  无互动: 'no-interaction',
  互动缺失: 'no-interaction',
  错别字: 'content-error',
  内容差错: 'content-error',
  名称不一致: 'name-mismatch',
  仿冒: 'impersonated',
};
const FINDING_BY_TEXT = new Map<string, Finding>([
  ...(Object.keys(FINDINGS) as Finding[]).map((f) => [f, f] as [string, Finding]),
  ...(Object.entries(FINDINGS) as [Finding, string][]).map(([f, name]) => [normalizeName(name), f] as [string, Finding]),
  ...Object.entries(FINDING_ALIASES).map(([name, f]) => [normalizeName(name), f] as [string, Finding]),
]);
const FINDING_LIST = (Object.entries(FINDINGS) as [Finding, string][]).map(([code, name]) => `${name}（${code}）`).join('、');

/** Finding codes of a 问题 cell, or the words that are not findings. */
export function parseFindings(text: string): { findings: Finding[]; unknown: string[] } {
  const findings: Finding[] = [];
  const unknown: string[] = [];
  const t = text.normalize('NFKC').trim();
  if (NONE.has(t.toLowerCase())) return { findings, unknown };
  for (const word of t.split(/[,，、;；\s/|]+/).filter(Boolean)) {
    const f = FINDING_BY_TEXT.get(normalizeName(word));
    if (!f) unknown.push(word);
    else if (!findings.includes(f)) findings.push(f);
  }
  return { findings, unknown };
}

/** What a 双向核验 cell may say, by result. */
const PROOF_WORDS: Record<ProofResult, readonly string[]> = {
  ok: ['ok', '是', '有', '已标明', '标明', '正常', '一致', '√', '✓', '✔'],
  missing: ['missing', '否', '无', '没有', '未标明', '缺失', '×', '✗', '✘'],
  changed: ['changed', '已改动', '改动', '不一致', '已变更', '变更'],
};
const PROOF_BY_WORD = new Map<string, ProofResult>(
  (Object.entries(PROOF_WORDS) as [ProofResult, readonly string[]][]).flatMap(([result, words]) => words.map((w) => [w, result] as const)),
);

/** The result of a 双向核验 cell: undefined when empty (not checked), null when it is not a result. */
export function parseProofCell(text: string): ProofResult | undefined | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (t === '' || t === '-' || t === '未核对') return undefined;
  return PROOF_BY_WORD.get(t) ?? null;
}

export interface SheetCheck {
  readonly row: number;
  readonly account: string;
  readonly last_post: string | null;
  readonly findings: readonly Finding[];
  /** The 双向核验 column, when the sheet has it and the cell is filled. */
  readonly proof?: ProofResult;
  readonly note?: string;
}

export interface ImportOptions {
  /** Inspection day. */
  readonly date: string;
  /** Inspecting unit id. */
  readonly inspector: string;
  /** Days from the inspection to the due date of new rectifications (default: the inspection interval). */
  readonly dueDays?: number;
  /** Order rectifications for findings (default true). */
  readonly rectifications?: boolean;
  /** Name of the sheet, for the comment at the top of the record. */
  readonly source?: string;
  /** Path of the JSON Schema relative to the record, for the editor line. */
  readonly schemaPath: string;
}

export interface ImportResult {
  readonly ok: boolean;
  readonly encoding: SheetEncoding;
  readonly errors: readonly RowError[];
  /** Things worth knowing that do not stop the import (Chinese). */
  readonly notes: readonly string[];
  readonly checks: readonly SheetCheck[];
  readonly rectifications: readonly { account: string; issue: Finding; due: string }[];
  /** The record's YAML text (empty when not ok). */
  readonly yaml: string;
}

/** Resolves the 账号 cell of a row (see the module comment for the order). */
function resolveAccount(
  registry: Registry,
  index: ReturnType<typeof lookupIndex>,
  value: string,
  platform: string | undefined,
  date: string,
): { account?: Account; error?: string; note?: string } {
  const text = value.normalize('NFKC').trim();
  const byId = registry.accountById.get(text.toLowerCase());
  if (byId) return { account: byId };
  const number = parseFilingNumber(text);
  const byNumber = number ? registry.accounts.find((a) => a.filing_number === number) : undefined;
  if (byNumber) return { account: byNumber };
  const key = looksLikeUrl(text) ? urlKey(text, registry.platforms) : null;
  let candidates = key
    ? (index.byUrl.get(key) ?? [])
    : [...new Set([...(index.byHandle.get(normalizeHandle(text)) ?? []), ...(index.byName.get(normalizeName(text)) ?? [])])];
  if (platform) {
    const p = normalizeName(platform);
    const platformId = registry.platforms.find((x) => x.id === p || normalizeName(x.name) === p)?.id;
    if (!platformId) return { error: `平台「${platform}」不在平台目录中（可写 ${registry.platforms.map((x) => x.name).join('、')}）` };
    candidates = candidates.filter((a) => a.platform === platformId);
  }
  if (candidates.length === 0) {
    const former = index.former.get(normalizeName(text)) ?? index.former.get(normalizeHandle(text));
    if (former?.length)
      return {
        error: `「${text}」是账号 ${former.map((a) => `${a.id}（现名「${a.name}」）`).join('、')}以前的名称或账号 ID，请改用现在的名称或账号编号`,
      };
    return {
      error: `找不到账号「${text}」：请填写账号编号（单位编号/账号文件名，例如 jiaoyuju/wechat），或账号链接、平台上的账号名称、账号 ID`,
    };
  }
  const active = candidates.filter((a) => statusOn(a, date) === 'active');
  if (active.length === 1) return { account: active[0] };
  if (active.length > 1 || candidates.length > 1) {
    const list = (active.length > 1 ? active : candidates)
      .map((a) => `${a.id}（${registry.platformById.get(a.platform)?.name ?? a.platform}）`)
      .join('、');
    return { error: `「${text}」对应多个账号：${list}。请改填账号编号，或加“平台”一列区分` };
  }
  const only = candidates[0]!;
  const status = statusOn(only, date);
  return {
    account: only,
    note: `账号 ${only.id} 在 ${date} ${status === null ? '尚未开设' : '不在用（已关停或注销）'}，仍按表记入巡查记录`,
  };
}

function lookupIndex(registry: Registry) {
  const byUrl = new Map<string, Account[]>();
  const byHandle = new Map<string, Account[]>();
  const byName = new Map<string, Account[]>();
  const former = new Map<string, Account[]>();
  const add = (map: Map<string, Account[]>, key: string, a: Account) => map.set(key, [...(map.get(key) ?? []), a]);
  for (const a of registry.accounts) {
    for (const link of [a.url, ...a.identifiers]) {
      const key = link && looksLikeUrl(link) ? urlKey(link, registry.platforms) : null;
      if (key) add(byUrl, key, a);
    }
    add(byHandle, normalizeHandle(a.handle), a);
    add(byName, normalizeName(a.name), a);
    for (const f of a.formerNames) add(former, normalizeName(f.value), a);
    for (const f of a.formerHandles) add(former, normalizeHandle(f.value), a);
  }
  return { byUrl, byHandle, byName, former };
}

/** A YAML plain scalar when safe, else a double-quoted one (JSON escapes are valid YAML). */
function scalar(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}\p{Zs}._\-（）“”《》、。·]*$/u.test(text) &&
    !/\s$/.test(text) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(text) &&
    !/^[\d.\-+]+$/.test(text)
    ? text
    : JSON.stringify(text);
}

/** The record's YAML text, in the canonical layout of the sample files. */
export function inspectionYaml(o: {
  date: string;
  inspector: string;
  checks: readonly SheetCheck[];
  rectifications: readonly { account: string; issue: Finding; due: string }[];
  comment: string;
  schemaPath: string;
}): string {
  const lines = [
    `# yaml-language-server: $schema=${o.schemaPath}`,
    `# ${o.comment.replace(/[\r\n]+/g, ' ')}`,
    `date: ${o.date}`,
    `inspector: ${o.inspector}`,
  ];
  lines.push(o.checks.length ? 'checks:' : 'checks: []');
  for (const c of o.checks) {
    const note = c.note ? `, note: ${scalar(c.note)}` : '';
    const proof = c.proof ? `, proof: ${c.proof}` : '';
    lines.push(`  - { account: ${c.account}, last_post: ${c.last_post ?? 'null'}, findings: [${c.findings.join(', ')}]${proof}${note} }`);
  }
  lines.push(o.rectifications.length ? 'rectifications:' : 'rectifications: []');
  for (const r of o.rectifications) lines.push(`  - { account: ${r.account}, issue: ${r.issue}, due: ${r.due}, resolved: null }`);
  return `${lines.join('\n')}\n`;
}

/** Reads a check sheet against the registry and builds the inspection record, or reports every bad row. */
export function importCheckSheet(registry: Registry, bytes: Uint8Array, options: ImportOptions): ImportResult {
  const { text, encoding } = decodeSheet(bytes);
  const { date } = options;
  const errors: RowError[] = [];
  const notes: string[] = [];
  const fail = (): ImportResult => ({ ok: false, encoding, errors, notes, checks: [], rectifications: [], yaml: '' });

  let records: string[][];
  try {
    const delimiter = (text.split(/\r?\n/, 1)[0] ?? '').includes('\t') && !text.split(/\r?\n/, 1)[0]!.includes(',') ? '\t' : ',';
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    errors.push({
      row: line ?? 1,
      message: `无法按 CSV 读取：${(error as Error).message}。请在 Excel 中“另存为”“CSV（逗号分隔）”后再导入`,
    });
    return fail();
  }
  const head = findHeader(records);
  if (!head) {
    errors.push({ row: 1, message: `找不到表头：表中须有“账号”“最近更新日期”“问题”三列（可另加“平台”“备注”）` });
    return fail();
  }
  const col = head.columns;
  const cell = (record: string[], column: Column) => (col[column] === undefined ? '' : (record[col[column]!] ?? '').trim());

  const index = lookupIndex(registry);
  const firstRow = new Map<string, number>();
  const checks: SheetCheck[] = [];
  const autoStale: string[] = [];
  for (let r = head.index + 1; r < records.length; r++) {
    const record = records[r]!;
    const row = r + 1;
    if (record.every((c) => c.trim() === '')) continue;
    const accountText = cell(record, 'account');
    if (!accountText) {
      errors.push({ row, message: '“账号”为空' });
      continue;
    }
    const resolved = resolveAccount(registry, index, accountText, cell(record, 'platform') || undefined, date);
    const rowErrors: string[] = [];
    if (resolved.error) rowErrors.push(resolved.error);
    const account = resolved.account;
    if (account) {
      const first = firstRow.get(account.id);
      if (first !== undefined) rowErrors.push(`与第 ${first} 行是同一个账号 ${account.id}：每个账号只记一行`);
      else firstRow.set(account.id, row);
    }

    const postText = cell(record, 'lastPost');
    let lastPost: string | null = null;
    if (!NEVER.has(postText.toLowerCase())) {
      const parsed = parseSheetDate(postText);
      if (!parsed) {
        rowErrors.push(
          /^\d{5}$/.test(postText)
            ? `最近更新日期「${postText}」是 Excel 的日期序号：请把该列设置为“日期”格式后重新保存`
            : `最近更新日期「${postText}」不是有效日期：请写成 ${date} 这样的格式；从未更新写“无”`,
        );
      } else if (parsed > date) rowErrors.push(`最近更新日期 ${parsed} 晚于巡查日期 ${date}`);
      else if (account && parsed < account.opened)
        notes.push(`第 ${row} 行：最近更新日期 ${parsed} 早于账号开设日期 ${account.opened}，请核对`);
      lastPost = parsed ?? null;
    }

    const { findings, unknown } = parseFindings(cell(record, 'findings'));
    if (unknown.length)
      rowErrors.push(`问题「${unknown.join('、')}」不认识：可填 ${FINDING_LIST}，多个用逗号或顿号分隔；没有问题留空或写“无”`);

    const proof = parseProofCell(cell(record, 'proof'));
    if (proof === null)
      rowErrors.push(
        `双向核验「${cell(record, 'proof')}」不认识：账号上仍标明备案编号填“是”，找不到填“否”，内容已改动填“已改动”；未核对留空`,
      );

    const note = cell(record, 'note').replace(/\s+/g, ' ') || undefined;
    if (note) {
      for (const datum of findPersonalData(note))
        rowErrors.push(
          `备注中有${datum.kind === 'mobile' ? '手机号码' : datum.kind === 'id-number' ? '身份证号码' : '个人 QQ 邮箱'} ${datum.masked}：巡查记录是公开的，请删除`,
        );
      if (note.length > 1000) rowErrors.push(`备注过长（${note.length} 个字符，最多 1000 个）`);
    }

    if (rowErrors.length) {
      for (const message of rowErrors) errors.push({ row, message });
      continue;
    }
    if (resolved.note) notes.push(`第 ${row} 行：${resolved.note}`);
    const finalFindings = [...findings];
    if (account && statusOn(account, date) === 'active') {
      const days = daysBetween(lastPost ?? account.opened, date);
      if (staleLevel(days, registry.policy) !== 'ok' && !finalFindings.includes('stale')) {
        finalFindings.unshift('stale');
        autoStale.push(account.id);
      }
    }
    checks.push({
      row,
      account: account!.id,
      last_post: lastPost,
      findings: finalFindings,
      ...(proof ? { proof } : {}),
      ...(note ? { note } : {}),
    });
  }
  if (errors.length) return fail();
  if (checks.length === 0) {
    errors.push({ row: head.index + 1, message: '表中没有任何账号行' });
    return fail();
  }
  checks.sort((a, b) => (a.account < b.account ? -1 : 1));
  if (autoStale.length) {
    notes.push(
      `超过 ${registry.policy.stale_warning_days} 天未更新、表中未写“更新不及时”的 ${autoStale.length} 个账号已自动补记 stale：${autoStale.join('、')}`,
    );
  }

  const checked = new Set(checks.map((c) => c.account));
  const missing = registry.accounts.filter((a) => statusOn(a, date) === 'active' && !checked.has(a.id));
  if (missing.length)
    notes.push(`有 ${missing.length} 个在用账号不在表中（校验时会提示“缺少巡查”）：${missing.map((a) => a.id).join('、')}`);

  // Rectifications: one per finding, unless an earlier one for the same account and issue is still open.
  const rectifications: { account: string; issue: Finding; due: string }[] = [];
  if (options.rectifications !== false) {
    const earlier = registry.inspections.filter((i) => i.date < date);
    const open = rectificationFacts(earlier, date, registry.accountById).filter((f) => f.state === 'open' || f.state === 'overdue');
    const due = addDays(date, options.dueDays ?? registry.policy.inspection_interval_days);
    for (const c of checks) {
      for (const issue of c.findings) {
        if (issue === 'impersonated') continue;
        const pending = open.find((f) => f.rectification.account === c.account && f.rectification.issue === issue);
        if (pending) {
          notes.push(
            `${c.account} 的“${FINDINGS[issue]}”整改已在 ${pending.inspection.date} 提出（期限 ${pending.rectification.due}），不重复提出`,
          );
          continue;
        }
        rectifications.push({ account: c.account, issue, due });
      }
    }
    for (const f of open) {
      const c = checks.find((x) => x.account === f.rectification.account);
      if (c && !c.findings.includes(f.rectification.issue)) {
        notes.push(
          `${c.account} 本次没有“${FINDINGS[f.rectification.issue]}”问题：可在 ${f.inspection.origin.file} 中把该整改的 resolved 填为完成日期`,
        );
      }
    }
  }

  const lost = checks.filter((c) => c.proof === 'missing' || c.proof === 'changed');
  if (lost.length)
    notes.push(
      `${lost.length} 个账号上的备案编号${lost.map((c) => `（${c.account}：${PROOF_RESULTS[c.proof!]}）`).join('')}：校验时会提示“未标明备案编号”，请通知单位重新标明`,
    );

  const problemAccounts = checks.filter((c) => c.findings.length > 0).length;
  const yaml = inspectionYaml({
    date,
    inspector: options.inspector,
    checks,
    rectifications,
    schemaPath: options.schemaPath,
    comment: `${options.source ? `由 ${options.source} 导入：` : ''}本周巡查账号 ${checks.length} 个，发现问题账号 ${problemAccounts} 个`,
  });
  return { ok: true, encoding, errors, notes, checks, rectifications, yaml };
}
