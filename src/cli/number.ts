/**
 * `npm run number -- [--data DIR] [--account ID…] [--dry-run]`: gives filing numbers (备案编号)
 * to accounts that have none, deterministically (src/lib/filing-number.ts: opening filing day,
 * then account id; each year continues after the highest number ever given), writes each number
 * into its account file (canonical layout, comments kept) and appends it to the ledger
 * `data/filing-numbers.yaml`. An account the ledger already numbers gets that number back.
 *
 * Exit 0: done (or nothing to do). Exit 1: a year ran out of numbers, or an account file cannot
 * be rewritten. Exit 2: usage problem, or site.yaml is invalid.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { nextAssignments, type Assignment } from '../lib/filing-number.ts';
import { findSchemaDir, formatDocument, normalizeNewlines, PARSE_OPTIONS, schemaRefAt } from '../lib/format/canonical.ts';
import { readDataset } from '../lib/load/dataset.ts';
import type { Io } from './validate.ts';
import { parseFlags, readOptions, resolveDataDir, UsageError } from './usage.ts';

export const USAGE = `用法：npm run number -- [选项]

为还没有备案编号的账号编定编号（行政区划代码-年份-序号，年份为开设备案的年份），写入账号文件的
filing_number，并记入备案编号登记簿 data/filing-numbers.yaml（只增不删，编号永不重复使用）。
按开设备案日期、再按账号编号的顺序编号，每年的序号接在该年已编定的最大序号之后：同样的数据总是得到同样的编号。

  --data DIR          数据目录（默认 data）
  --account ID        只为这个账号编号（单位编号/账号文件名，可重复）
  --dry-run           只列出将要编定的编号，不写文件
  -h, --help          显示本帮助

退出码：0 已编号（或没有需要编号的账号）；1 编号已用完或账号文件无法改写；2 用法问题。`;

interface Options {
  data: string;
  accounts: string[];
  dryRun: boolean;
}

function parseOptions(argv: string[], io: Io): Options | 'help' {
  const { values } = parseFlags(argv, {
    data: { type: 'string' },
    account: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
  });
  if (values.help) return 'help';
  const data = resolveDataDir(io.cwd, values.data);
  return { data, accounts: values.account ?? [], dryRun: values['dry-run'] ?? false };
}

/** What numbering a data directory gives (or gave). */
export interface NumberingResult {
  /** Numbers given now, in order. */
  assigned: Assignment[];
  /** Ledger entries whose account file was renamed or moved: the number now in account `account` (was `from`). */
  moved: (Assignment & { from: string })[];
  /** Numbers the ledger already holds, written back into account files that lacked them. */
  restored: Assignment[];
}

const LEDGER_HEADER = [
  ' 备案编号登记簿：已编定的全部备案编号及其所属账号，由 npm run number 维护。',
  ' 只增不删：账号注销后编号仍保留在这里，不再给别的账号；账号文件改名或移到别的单位时，只改 account。',
];

/** Gives numbers to the accounts of `dataDir` that have none (only `only`, when given); writes unless `dryRun`. */
export function numberAccounts(dataDir: string, options: { only?: readonly string[]; dryRun?: boolean } = {}): NumberingResult {
  const dataset = readDataset(dataDir);
  const site = dataset.site?.value;
  if (!site) throw new UsageError('data/site.yaml 有错误或缺失，无法确定行政区划代码。请先运行 npm run validate 并修正。');
  if (dataset.hasFilingNumbers && !dataset.filingNumbers)
    throw new UsageError('data/filing-numbers.yaml 有错误，不能在其上续编。请先运行 npm run validate 并修正。');
  const ledger = dataset.filingNumbers?.value.numbers ?? [];
  const known = new Set(dataset.accounts.map((a) => a.id));
  for (const id of options.only ?? []) if (!known.has(id)) throw new UsageError(`账号 ${id} 不存在（或其文件有错误）`);
  const wanted = (id: string) => !options.only?.length || options.only.includes(id);

  // Ledger entries of account files that were renamed or moved: the number now in another file.
  const moved: NumberingResult['moved'] = [];
  const inLedger = new Set(ledger.map((e) => e.account));
  for (const entry of ledger) {
    if (known.has(entry.account) || dataset.accountIds.has(entry.account)) continue;
    const now = dataset.accounts.find((a) => a.filing_number === entry.number && !inLedger.has(a.id));
    if (now) moved.push({ account: now.id, number: entry.number, from: entry.account });
  }

  const restored: Assignment[] = [];
  const ledgerNumber = new Map(ledger.map((e) => [e.account, e.number]));
  for (const account of dataset.accounts) {
    const number = ledgerNumber.get(account.id);
    if (number && !account.filing_number && wanted(account.id)) restored.push({ account: account.id, number });
  }
  const assigned = nextAssignments(site.region.code, dataset.accounts, ledger, wanted);
  if (options.dryRun) return { assigned, restored, moved };

  const schemaDir = findSchemaDir(dataDir);
  const byId = new Map(dataset.accounts.map((a) => [a.id, a]));
  // Account files first: a failure leaves the ledger as it was.
  for (const { account: id, number } of [...restored, ...assigned]) {
    const account = byId.get(id)!;
    const abs = path.join(dataDir, 'units', account.unit, 'accounts', `${account.slug}.yaml`);
    const source = normalizeNewlines(readFileSync(abs, 'utf8'));
    const doc = parseDocument(source, PARSE_OPTIONS);
    if (!isMap(doc.contents)) throw new Error(`${abs}: not a mapping`);
    // A new pair of nodes (a plain `set` of a missing key adds a pair the canonical writer cannot place).
    doc.contents.add(doc.createPair('filing_number', number));
    writeFileSync(abs, formatDocument(doc, 'account', schemaRefAt(abs, 'account', schemaDir), source));
  }
  if (assigned.length > 0 || moved.length > 0) {
    const abs = path.join(dataDir, 'filing-numbers.yaml');
    const source = existsSync(abs) ? normalizeNewlines(readFileSync(abs, 'utf8')) : undefined;
    const doc = source !== undefined ? parseDocument(source, PARSE_OPTIONS) : new Document({ numbers: [] });
    if (source === undefined) {
      const first = (doc.contents as { items: { key: { commentBefore?: string } }[] }).items[0]!.key;
      first.commentBefore = LEDGER_HEADER.join('\n');
    }
    let seq = doc.get('numbers');
    if (!isSeq(seq)) {
      seq = new YAMLSeq();
      doc.set('numbers', seq);
    }
    for (const m of moved) {
      const item = (seq as YAMLSeq).items.find((node) => isMap(node) && node.get('number') === m.number && node.get('account') === m.from);
      if (isMap(item)) item.set('account', m.account);
    }
    for (const a of assigned) (seq as YAMLSeq).add(doc.createNode({ number: a.number, account: a.account }));
    writeFileSync(abs, formatDocument(doc, 'filing-numbers', schemaRefAt(abs, 'filing-numbers', schemaDir), source));
  }
  return { assigned, restored, moved };
}

/** Runs the command; returns the exit code. */
export function runNumber(argv: string[], io: Io): number {
  const options = readOptions(() => parseOptions(argv, io), USAGE, '错误：', io);
  if (typeof options === 'number') return options;
  let result: NumberingResult;
  try {
    result = numberAccounts(options.data, { only: options.accounts, dryRun: options.dryRun });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`错误：${error.message}\n`);
      return 2;
    }
    io.stderr(`错误：${(error as Error).message}\n`);
    return 1;
  }
  const verb = options.dryRun ? '将编定' : '已编定';
  for (const m of result.moved)
    io.stdout(`${options.dryRun ? '将改记' : '已改记'} ${m.number}  ${m.from} → ${m.account}（账号文件改名或移动，编号不变）\n`);
  for (const a of result.restored) io.stdout(`${options.dryRun ? '将补写' : '已补写'} ${a.number}  ${a.account}（登记簿中已有）\n`);
  for (const a of result.assigned) io.stdout(`${verb} ${a.number}  ${a.account}\n`);
  const total = result.assigned.length + result.restored.length + result.moved.length;
  if (total === 0) io.stdout('✔ 所有账号都已有备案编号。\n');
  else if (options.dryRun) io.stdout(`共 ${total} 个账号（--dry-run：没有写入任何文件）。\n`);
  else io.stdout(`✔ 共 ${total} 个账号；请提交改动的账号文件和 data/filing-numbers.yaml。\n`);
  return 0;
}
