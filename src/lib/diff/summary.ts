/**
 * The pull-request summary a reviewer at the county office reads first: what the PR files, in
 * words (开设 / 变更 / 关停 / 恢复 / 注销 of which accounts, new units, impostors, inspections,
 * changes to shared files), whether each event was filed in time, what needs attention (several
 * units in one PR, edited history, renames without a change event, deleted files, maintainers,
 * code changes), and which new warnings the change brings. Markdown for the job summary.
 */
import { escapeMarkdown, markdownCode } from '../ci-output.ts';
import { daysBetween } from '../dates.ts';
import type { Account, Registry } from '../model.ts';
import type { Problem } from '../problems.ts';
import { RULES } from '../rules/table.ts';
import { EVENT_TYPES, type AccountEvent } from '../schema/account.ts';
import { FINDINGS } from '../schema/inspection.ts';
import { UNIT_KINDS } from '../schema/unit.ts';
import type { AccountChange, RegistryDiff } from './model.ts';

export interface SummaryInput {
  diff: RegistryDiff;
  /** The models compared (null: no data, or data the loader could not model). */
  base: Registry | null;
  head: Registry | null;
  /** Problems of each side. */
  baseProblems: readonly Problem[];
  headProblems: readonly Problem[];
  /** Paths changed by the PR, relative to the repository root. */
  changedFiles: readonly string[];
  /** The data directory relative to the repository root (`data`). */
  dataPath: string;
  /** What the head is compared with, e.g. `origin/main（a1b2c3d）`. */
  baseLabel: string;
}

export interface Summary {
  markdown: string;
  /** Points that need a reviewer's attention (also shown as annotations in CI). */
  attention: string[];
}

/** Escapes text from the data for Markdown (inline, also inside table cells): see ci-output.ts. */
export const md = escapeMarkdown;

function link(label: string, url: string): string {
  return `[${md(label)}](<${url.replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\s/g, '%20')}>)`;
}

const FIELD_TITLES: Record<string, string> = {
  name: '名称',
  platform: '平台',
  handle: '账号 ID',
  identifiers: '其他标识',
  url: '链接',
  verified_as: '认证主体',
  purpose: '功能定位',
  operation: '运维方式',
  operator: '运维单位',
  waiver: '例外批准',
  note: '备注',
  short_name: '简称',
  aliases: '其他名称',
  kind: '类型',
  parent: '上级单位',
  contact: '联系方式',
  maintainers: '维护人',
  reported: '举报日期',
  removed: '处置日期',
  found: '发现日期',
  imitates: '仿冒对象',
  source: '发现途径',
  checks: '巡查结果',
  rectifications: '整改要求',
  inspector: '巡查单位',
};

const titles = (fields: readonly string[]) => fields.map((f) => FIELD_TITLES[f] ?? f).join('、');

function platformName(r: Registry | null, id: string): string {
  return r?.platformById.get(id)?.name ?? id;
}

function accountCell(r: Registry | null, a: Account): string {
  return `**${md(a.name)}**（${md(platformName(r, a.platform))}）<br>\`${a.id}\``;
}

function unitName(r: Registry | null, id: string): string {
  return r?.unitById.get(id)?.name ?? id;
}

/** `✔` when filed in time, or how late, by the head's policy and holiday calendar. */
function timeliness(r: Registry | null, e: AccountEvent): string {
  if (!r) return '';
  const { policy, calendar } = r;
  if (policy.filing_checked_from && e.date < policy.filing_checked_from) return '';
  if (e.filed <= e.date) return ' ✔';
  const count = calendar.workdaysBetween(e.date, e.filed);
  if (count.missingYear !== undefined) return `（缺少 ${count.missingYear} 年节假日安排，无法判断时限）`;
  return count.count <= policy.filing_deadline_working_days
    ? ' ✔'
    : ` ⚠️ 超期（第 ${count.count} 个工作日，时限 ${policy.filing_deadline_working_days} 个）`;
}

/** What an event says besides its type and dates. */
function eventDetails(r: Registry | null, account: Account, e: AccountEvent, attention: string[]): string {
  const parts: string[] = [];
  if (e.type === 'changed') {
    if (e.previous_name !== undefined) parts.push(`原名称「${md(e.previous_name)}」`);
    if (e.previous_handle !== undefined) parts.push(`原账号 ID ${md(e.previous_handle)}`);
    if (e.previous_verified_as !== undefined) parts.push(`原认证主体「${md(e.previous_verified_as ?? '未认证')}」`);
  }
  if (e.type === 'suspended' || e.type === 'deregistered') {
    if (e.notice_url) parts.push(link('停更公告', e.notice_url));
    else {
      parts.push('⚠️ 没有停更公告');
      attention.push(`\`${account.id}\`（${md(account.name)}）${EVENT_TYPES[e.type]}，但没有填写停更公告 notice_url。`);
    }
    if (e.successor)
      parts.push(`接替账号 \`${e.successor}\`${r?.accountById.get(e.successor) ? `（${md(r.accountById.get(e.successor)!.name)}）` : ''}`);
  }
  if (e.note) parts.push(`备注：${md(e.note)}`);
  return parts.join('；');
}

/**
 * A new or changed waiver (a second account of a unit on one platform, by exception): the reviewer
 * checks the approval itself, so it is always listed with who approved it and when.
 */
function waiverAttention(r: Registry | null, change: AccountChange): string | undefined {
  if (change.kind === 'removed') return undefined;
  const after = change.after;
  const before = change.kind === 'changed' ? change.before : undefined;
  if (change.kind === 'changed' && !change.fields.includes('waiver')) return undefined;
  const who = `\`${after.id}\`（${md(after.name)}，${md(platformName(r, after.platform))}）`;
  if (!after.waiver) return before?.waiver ? `${who} 删除了例外批准（waiver）记录，请确认该单位在这个平台只有一个账号。` : undefined;
  const w = after.waiver;
  const others = (r?.accounts ?? []).filter((a) => a.unit === after.unit && a.platform === after.platform && a.id !== after.id);
  const siblings = others.length ? `同一单位在该平台的其他账号：${others.map((a) => `\`${a.id}\`（${md(a.name)}）`).join('、')}；` : '';
  const verb = before?.waiver ? '修改了例外批准（waiver）' : '以例外批准（waiver）在同一平台开设第二个账号';
  return `${who} ${verb}：批准单位「${md(w.approved_by)}」，批准日期 ${w.approved_on}，理由「${md(w.reason)}」。${siblings}请核对批准文件。`;
}

function accountRows(input: SummaryInput, change: AccountChange, attention: string[], counts: Record<string, number>): string[] {
  const waiver = waiverAttention(input.head ?? input.base, change);
  if (waiver) attention.push(waiver);
  const { head, base } = input;
  const row = (what: string, a: Account, date: string, filed: string, details: string) =>
    `| ${what} | ${accountCell(head ?? base, a)} | ${md(unitName(head ?? base, a.unit))} | ${date} | ${filed} | ${details || ' '} |`;
  const rows: string[] = [];
  const eventRow = (a: Account, e: AccountEvent) => {
    counts[e.type] = (counts[e.type] ?? 0) + 1;
    rows.push(row(EVENT_TYPES[e.type], a, e.date, `${e.filed}${timeliness(head, e)}`, eventDetails(head, a, e, attention)));
  };
  if (change.kind === 'added') {
    for (const e of change.after.events) eventRow(change.after, e);
    if (change.after.events.length > 1)
      attention.push(`新文件 \`${change.id}\` 一次包含 ${change.after.events.length} 项备案事项（补录历史账号？），请核对。`);
    return rows;
  }
  if (change.kind === 'removed') {
    counts.removed = (counts.removed ?? 0) + 1;
    rows.push(row('删除文件', change.before, '', '', '⚠️ 账号文件被删除'));
    attention.push(
      `删除了账号文件 \`${change.id}\`（${md(change.before.name)}）。账号关停或注销应追加事项而不是删除文件，否则公众查不到它曾是官方账号、也看不到停更公告。`,
    );
    return rows;
  }
  const { before, after, appended, historyEditedAt, fields } = change;
  for (const e of appended) eventRow(after, e);
  if (historyEditedAt !== -1) {
    const e = before.events[historyEditedAt]!;
    attention.push(
      `修改或删除了 \`${change.id}\` 已有的第 ${historyEditedAt + 1} 项备案事项（${EVENT_TYPES[e.type]} ${e.date}）。备案记录应只在末尾追加，更正请在 PR 中说明理由。`,
    );
    rows.push(row('修改历史', after, '', '', `⚠️ 第 ${historyEditedAt + 1} 项备案事项被修改或删除`));
  }
  const changedEvent = appended.filter((e) => e.type === 'changed');
  const covered = (key: 'previous_name' | 'previous_handle' | 'previous_verified_as') =>
    changedEvent.some((e) => e.type === 'changed' && e[key] !== undefined);
  const identity: [string, 'previous_name' | 'previous_handle' | 'previous_verified_as'][] = [
    ['name', 'previous_name'],
    ['handle', 'previous_handle'],
    ['verified_as', 'previous_verified_as'],
  ];
  for (const [field, key] of identity) {
    if (fields.includes(field) && !covered(key)) {
      const from = String((before as unknown as Record<string, unknown>)[field] ?? '未认证');
      const to = String((after as unknown as Record<string, unknown>)[field] ?? '未认证');
      attention.push(
        `\`${change.id}\` 的${FIELD_TITLES[field]}从「${md(from)}」改为「${md(to)}」，但没有追加 changed（变更）事项并记下 ${key}：变更须备案，原${FIELD_TITLES[field]}才能继续被公众查到。`,
      );
    }
  }
  const other = fields.filter((f) => !identity.some(([field, key]) => field === f && covered(key)));
  if (other.length) {
    counts.edited = (counts.edited ?? 0) + 1;
    rows.push(row('信息更新', after, '', '', `修改了${titles(other)}`));
  }
  return rows;
}

function inspectionLine(r: Registry | null, i: NonNullable<Registry>['inspections'][number]): string {
  const withFindings = i.checks.filter((c) => c.findings.length > 0);
  const staleFail = r ? i.checks.filter((c) => c.last_post !== null && daysBetween(c.last_post, i.date) > r.policy.stale_fail_days) : [];
  const findingCounts = new Map<string, number>();
  for (const c of withFindings) for (const f of c.findings) findingCounts.set(f, (findingCounts.get(f) ?? 0) + 1);
  const findings = [...findingCounts].map(([f, n]) => `${FINDINGS[f as keyof typeof FINDINGS] ?? f} ${n}`).join('、');
  return (
    `${i.date} 巡查（${md(unitName(r, i.inspector))}）：检查 ${i.checks.length} 个账号，${withFindings.length} 个发现问题${findings ? `（${findings}）` : ''}` +
    `${staleFail.length ? `，单项否决 ${staleFail.length} 个：${staleFail.map((c) => `\`${c.account}\``).join('、')}` : ''}` +
    `${i.rectifications.length ? `，整改要求 ${i.rectifications.length} 项` : ''}`
  );
}

/** Units whose folders the changed files touch. */
export function touchedUnits(changedFiles: readonly string[], dataPath: string): string[] {
  const prefix = `${dataPath.replace(/\/+$/, '')}/units/`;
  const units = new Set<string>();
  for (const f of changedFiles) if (f.startsWith(prefix)) units.add(f.slice(prefix.length).split('/')[0]!);
  return [...units].sort();
}

const SHARED_NAMES = {
  site: '名录信息 site.yaml',
  policy: '政策阈值 policy.yaml',
  platforms: '平台目录 platforms.yaml',
  calendar: '节假日安排 calendar/',
} as const;

const problemKey = (p: Problem) => `${p.file}\n${p.rule}\n${p.message}`;

/** Renders the summary. */
export function renderSummary(input: SummaryInput): Summary {
  const { diff, head, dataPath } = input;
  const attention: string[] = [];
  const counts: Record<string, number> = {};
  const out: string[] = ['## 政务新媒体名录 · 本次修改', ''];

  const accountRowsAll = diff.accounts.flatMap((c) => accountRows(input, c, attention, counts));

  // Attention: scope of the PR.
  const units = touchedUnits(input.changedFiles, dataPath);
  if (units.length > 1) {
    attention.push(
      `本 PR 修改了 ${units.length} 个单位的文件夹（${units.map((u) => `\`${u}\``).join('、')}）。各单位的备案应分别提交 Pull Request，由各自的维护人审核；如确属同一事项（例如县政府办统一调整），请在说明中注明。`,
    );
  }
  const outside = input.changedFiles.filter((f) => !f.startsWith(`${dataPath}/`));
  if (outside.length) {
    const list = outside
      .slice(0, 10)
      .map((f) => markdownCode(f))
      .join('、');
    attention.push(
      `修改了 ${outside.length} 个数据以外的文件（${list}${outside.length > 10 ? ' 等' : ''}）：代码、工作流、CODEOWNERS 等须由县政府办技术负责人审核。`,
    );
  }
  for (const u of diff.units) {
    if (u.kind === 'changed' && u.fields.includes('maintainers')) {
      attention.push(
        `单位 \`${u.id}\` 的维护人由 ${u.before.maintainers.join(' ') || '（无）'} 改为 ${u.after.maintainers.join(' ') || '（无）'}：维护人可以审核该单位的全部账号文件，请确认。`,
      );
    }
    if (u.kind === 'removed') attention.push(`删除了单位 \`${u.id}\`（${md(u.before.name)}）。`);
  }
  for (const i of diff.impostors)
    if (i.kind === 'removed') attention.push(`删除了仿冒账号记录 \`${i.id}\`：处置后应填写 removed 日期，而不是删除记录。`);
  for (const i of diff.inspections)
    if (i.kind !== 'added') attention.push(`${i.kind === 'removed' ? '删除' : '修改'}了已有的巡查记录 ${i.id}。`);
  if (!head) attention.push('修改后的数据无法读取（site.yaml、policy.yaml 或 platforms.yaml 有错误）：见“数据校验”一项。');

  // Headline.
  const parts: string[] = [];
  for (const t of ['opened', 'changed', 'suspended', 'resumed', 'deregistered'] as const)
    if (counts[t]) parts.push(`${EVENT_TYPES[t]} ${counts[t]} 项`);
  if (counts.edited) parts.push(`信息更新 ${counts.edited} 个账号`);
  const count = (list: readonly { kind: string }[], kind: string) => list.filter((x) => x.kind === kind).length;
  const headline: [number, string][] = [
    [count(diff.units, 'added'), '新增单位 $ 个'],
    [count(diff.units, 'changed'), '修改单位信息 $ 个'],
    [count(diff.impostors, 'added'), '新增仿冒账号 $ 个'],
    [count(diff.impostors, 'changed'), '更新仿冒账号记录 $ 个'],
    [count(diff.inspections, 'added'), '新增巡查 $ 次'],
  ];
  for (const [n, text] of headline) if (n) parts.push(text.replace('$', String(n)));
  if (diff.shared.length) parts.push(`修改${diff.shared.map((s) => SHARED_NAMES[s.file].split(' ')[0]).join('、')}`);
  const nothing =
    accountRowsAll.length === 0 &&
    diff.units.length === 0 &&
    diff.impostors.length === 0 &&
    diff.inspections.length === 0 &&
    diff.shared.length === 0;
  const dataFiles = input.changedFiles.filter((f) => f.startsWith(`${dataPath}/`)).length;
  const none = dataFiles ? `没有修改名录数据（${dataFiles} 个数据文件只有格式或注释改动）` : '没有修改名录数据';
  out.push(`与 ${input.baseLabel}相比：${nothing ? none : parts.length ? parts.join('，') : '见下文'}。`, '');

  if (attention.length) {
    out.push('### ⚠️ 请审核人注意', '', ...attention.map((a) => `- ${a}`), '');
  }

  if (accountRowsAll.length) {
    out.push(
      '### 账号',
      '',
      '| 事项 | 账号 | 单位 | 发生日期 | 备案日期 | 说明 |',
      '| --- | --- | --- | --- | --- | --- |',
      ...accountRowsAll,
      '',
    );
    if (counts.opened || counts.changed || counts.suspended || counts.resumed || counts.deregistered) {
      out.push('请核对 PR 说明中附有加盖单位公章的备案登记表，且表上的账号名称、账号 ID 和日期与上表一致。', '');
    }
  }

  const unitLines = diff.units.map((u) => {
    if (u.kind === 'added') {
      const x = u.after;
      return `- 新增 **${md(x.name)}**（\`${x.id}\`，${UNIT_KINDS[x.kind]}${x.parent ? `，上级 \`${x.parent}\`` : ''}），维护人 ${x.maintainers.length ? x.maintainers.join(' ') : '（无，由主管单位维护）'}`;
    }
    if (u.kind === 'removed') return `- 删除 **${md(u.before.name)}**（\`${u.id}\`）`;
    return `- 修改 **${md(u.after.name)}**（\`${u.id}\`）：${titles(u.fields)}`;
  });
  if (unitLines.length) out.push('### 单位', '', ...unitLines, '');

  const impostorLines = diff.impostors.map((c) => {
    if (c.kind === 'removed') return `- 删除记录 \`${c.id}\`（${md(c.before.name)}）`;
    const x = c.after;
    const target = head?.accountById.get(x.imitates)?.name ?? head?.unitById.get(x.imitates)?.name ?? x.imitates;
    const where = [x.handle ? markdownCode(x.handle) : '', x.url ? link('链接', x.url) : ''].filter(Boolean).join('，');
    const state = x.removed ? `${x.removed} 已被平台关闭` : x.reported ? `${x.reported} 已向平台举报，仍在线` : '尚未向平台举报';
    if (c.kind === 'added')
      return `- 新增 ${md(platformName(head, x.platform))}“${md(x.name)}”（${where}），仿冒 ${md(target)}（\`${x.imitates}\`）；${x.found} 发现，${state}`;
    return `- 更新 \`${c.id}\`（${md(x.name)}）：${titles(c.fields)}；${state}`;
  });
  if (impostorLines.length) out.push('### 仿冒账号', '', ...impostorLines, '');

  const inspectionLines = diff.inspections.map((c) =>
    c.kind === 'removed' ? `- 删除 ${c.id} 巡查记录` : `- ${c.kind === 'added' ? '新增' : '修改'} ${inspectionLine(head, c.after)}`,
  );
  if (inspectionLines.length) out.push('### 巡查', '', ...inspectionLines, '');

  if (diff.shared.length) {
    out.push('### 共用文件', '');
    for (const s of diff.shared) out.push(`- ${SHARED_NAMES[s.file]}：${s.details.map(md).join('；')}`);
    out.push('');
  }

  // Validation: errors of the head, and warnings the PR brings.
  const old = new Set(input.baseProblems.map(problemKey));
  const errors = input.headProblems.filter((p) => p.severity === 'error');
  const newWarnings = input.headProblems.filter((p) => p.severity === 'warning' && !old.has(problemKey(p)));
  out.push('### 数据校验', '');
  out.push(
    errors.length
      ? `- ✖ 修改后的数据有 ${errors.length} 个错误，不能合并：见“数据校验”检查中标注在行上的说明。`
      : '- ✔ 修改后的数据没有错误。',
  );
  if (newWarnings.length) {
    out.push(`- 本次新增 ${newWarnings.length} 个警告（合规记录，不阻止合并）：`);
    for (const p of newWarnings.slice(0, 20))
      out.push(`  - ${markdownCode(`${p.file}:${p.line}`)} ${RULES[p.rule].title}：${md(p.message)}`);
    if (newWarnings.length > 20) out.push(`  - ……另有 ${newWarnings.length - 20} 个`);
  } else out.push('- 没有新增警告。');
  out.push('');

  if (input.changedFiles.length) {
    out.push(
      `<details><summary>修改的文件（${input.changedFiles.length} 个）</summary>`,
      '',
      ...input.changedFiles.map((f) => `- ${markdownCode(f)}`),
      '',
      '</details>',
      '',
    );
  }
  return { markdown: `${out.join('\n').trimEnd()}\n`, attention };
}
