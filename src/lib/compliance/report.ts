/**
 * The reports the county office sends: the weekly 通报 (problems by unit: the problem, the
 * account, the evidence and the rectification due date) and the annual assessment summary, as
 * documents (rendered to Markdown or printable HTML by ./document.ts) and as CSV for Excel.
 * Documents are read by people: problems and accounts are named in words (「长期未更新」, the
 * account's name and platform), never by rule id or file id; the CSVs add those ids as columns
 * for sorting and lookup.
 */
import { toCsv } from '../format/csv.ts';
import type { Registry } from '../model.ts';
import { annualSummary, type AnnualSummary } from './annual.ts';
import type { Block, ReportDocument } from './document.ts';
import { compareIssues, type Compliance, type Issue, type UnitCompliance } from './engine.ts';
import { BASE_SCORE, GRADE_BANDS, GRADE_NAMES, GRADING_ITEM, type GradeId, type IssueKind } from './grading.ts';
import { dueText, percent } from './text.ts';

const GRADE_RANK: Record<GradeId | 'none', number> = { fail: 0, pass: 1, good: 2, excellent: 3, none: 4 };
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Worst grade first, then lowest score, then id. */
function byGrade(a: { grade: GradeId | null; score: number | null; id: string }, b: typeof a): number {
  return (
    GRADE_RANK[a.grade ?? 'none'] - GRADE_RANK[b.grade ?? 'none'] ||
    (a.score ?? 101) - (b.score ?? 101) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The rule column: the validator's rule id, or the inspection finding code. */
function ruleOf(issue: Issue): string {
  return issue.rule ?? issue.finding ?? issue.kind;
}

function gradeLabel(u: Pick<UnitCompliance, 'grade' | 'score' | 'reasons'>): string {
  if (!u.grade) return '未评价';
  const veto = u.reasons.some((r) => r.veto);
  return `${GRADE_NAMES[u.grade]}${veto ? '，单项否决' : ''}，得分 ${u.score}`;
}

/** The period of the weekly report: the last inspection interval up to the report date. */
export function reportPeriod(c: Compliance): { from: string; to: string } {
  return { from: c.county.coverage.from, to: c.asOf };
}

/**
 * Problems the weekly report lists per unit: every current problem except accounts missing from
 * the inspection record (the inspector's task, listed apart) and late filings made before the
 * period (reported in the week they were filed, and in the annual assessment).
 */
export function weeklyIssues(c: Compliance): Issue[] {
  const { from } = reportPeriod(c);
  return c.issues.filter((i) => i.kind !== 'inspection-missing' && (i.kind !== 'filing-late' || i.since >= from));
}

/**
 * An account in words for the printed reports: its name and platform (the handle too when another
 * account of the registry has the same name on the same platform), never its file id.
 */
function accountLabel(registry: Registry, id: string): string {
  const account = registry.accountById.get(id);
  if (!account) return id;
  const platform = registry.platformById.get(account.platform)?.name ?? account.platform;
  const twin = registry.accounts.some((a) => a !== account && a.name === account.name && a.platform === account.platform);
  return `${account.name}（${platform}${twin ? ` ${account.handle}` : ''}）`;
}

function footerOf(registry: Registry, what: string): string {
  const office = registry.site.office;
  const contact = [office.phone && `电话 ${office.phone}`, office.email && `邮箱 ${office.email}`].filter(Boolean).join('，');
  return `${what}由政务新媒体名录根据备案和巡查记录自动生成；评分方法见名录网站“合规评价规则”页面（/compliance/rules/）。${office.name}${contact ? `（${contact}）` : ''}。`;
}

/** The weekly 通报 as a document. */
export function weeklyReport(c: Compliance): ReportDocument {
  const { registry, county, asOf } = c;
  const { policy, site } = registry;
  const { from, to } = reportPeriod(c);
  const k = (kind: IssueKind) => county.byKind[kind] ?? 0;
  const issues = weeklyIssues(c);
  const latest = county.latest;
  const point = county.trend.at(-1);
  const blocks: Block[] = [];
  let section = 0;
  const h2 = (text: string) => blocks.push({ type: 'h2', text: `${CHINESE_NUMBERS[section++]}、${text}` });

  // 一、总体情况
  h2('总体情况');
  if (!latest || !point) {
    blocks.push({ type: 'p', text: `截至 ${asOf}，尚无巡查记录。` });
  } else {
    const inspector = registry.unitById.get(latest.inspector)?.name ?? latest.inspector;
    blocks.push({
      type: 'p',
      text:
        `${latest.date}，${inspector}对全县政务新媒体账号进行了巡查，检查在用账号 ${point.checked} 个，占当日在用账号 ${point.active} 个的 ${percent(point.checked, point.active)}。` +
        (latest.overdue ? `截至 ${asOf} 已 ${latest.ageDays} 天没有巡查，超过 ${policy.inspection_interval_days} 天的巡查周期。` : ''),
    });
  }
  const others = k('inspection-finding') + k('unverified-account') + k('verified-subject-mismatch') + k('closure-notice-missing');
  const lateInPeriod = issues.filter((i) => i.kind === 'filing-late').length;
  blocks.push({
    type: 'p',
    text:
      `发现“僵尸”账号（超过 ${policy.stale_fail_days} 天未更新，单项否决）${k('stale-fail')} 个，更新不及时（超过 ${policy.stale_warning_days} 天未更新）${k('stale-warning')} 个，其他问题 ${others} 项；` +
      `整改逾期 ${k('rectification-overdue')} 项，尚未完成的整改共 ${county.rectifications.unresolved} 项。本期（${from} 至 ${to}）备案超期 ${lateInPeriod} 次。`,
  });
  const imp = county.impostors;
  const newImpostors = imp.list.filter((i) => i.impostor.found >= from && i.impostor.found <= to).length;
  blocks.push({
    type: 'p',
    text: `仿冒账号：累计登记 ${imp.total} 个，已被平台处置 ${imp.removed} 个，仍在线 ${imp.online} 个；本期新发现 ${newImpostors} 个。`,
  });
  blocks.push({
    type: 'p',
    text: `全县 ${county.units} 个单位中，${GRADE_BANDS.map((b) => `${b.name} ${county.grades[b.id]} 个`).join('、')}${county.grades.none ? `，未开设账号 ${county.grades.none} 个` : ''}。`,
  });

  // 二、存在问题的单位
  h2('存在问题的单位');
  const byUnit = new Map<string, Issue[]>();
  for (const issue of issues) byUnit.set(issue.unit, [...(byUnit.get(issue.unit) ?? []), issue]);
  const units = [...byUnit.keys()].map((id) => c.units.get(id)!).sort(byGrade);
  if (units.length === 0) blocks.push({ type: 'p', text: '本期没有发现问题。' });
  units.forEach((u, n) => {
    blocks.push({ type: 'h3', text: `${n + 1}. ${u.name}（${gradeLabel(u)}）` });
    blocks.push({
      type: 'table',
      head: ['问题', '账号', '情况', '整改期限'],
      widths: [16, 24, 44, 16],
      rows: byUnit
        .get(u.id)!
        .sort(compareIssues)
        .map((i) => [GRADING_ITEM[i.kind].title, accountLabel(registry, i.account), i.evidence, dueText(i.due, i.dueRecorded, asOf)]),
    });
  });

  // 三、仿冒账号处置情况
  h2('仿冒账号处置情况');
  const shown = imp.list.filter(
    (i) => !i.impostor.removed || (i.impostor.removed >= from && i.impostor.removed <= to) || i.impostor.found >= from,
  );
  if (shown.length === 0) blocks.push({ type: 'p', text: '本期没有仍在线或新处置的仿冒账号。' });
  else {
    blocks.push({
      type: 'table',
      head: ['仿冒账号', '平台', '仿冒对象', '发现', '举报', '处置情况'],
      rows: shown.map((i) => {
        const im = i.impostor;
        const target = registry.accountById.has(im.imitates)
          ? accountLabel(registry, im.imitates)
          : (registry.unitById.get(im.imitates)?.name ?? im.imitates);
        const state = im.removed
          ? `${im.removed} 已处置（用时 ${i.daysToRemoval} 天）`
          : im.reported
            ? `仍在线（已举报，在线 ${i.daysOnline} 天）`
            : `仍在线，尚未举报`;
        return [
          `${im.name}${im.handle ? `（${im.handle}）` : ''}`,
          registry.platformById.get(im.platform)?.name ?? im.platform,
          target,
          im.found,
          im.reported ?? '—',
          state,
        ];
      }),
    });
  }

  // 四、巡查记录待补充
  const absent = c.issues.filter((i) => i.kind === 'inspection-missing');
  if (absent.length > 0 || latest?.overdue || county.coverage.notChecked.length > 0) {
    h2('巡查记录待补充');
    const items: string[] = [];
    if (latest?.overdue) items.push(`最近一次巡查是 ${latest.date}，已超过 ${policy.inspection_interval_days} 天的巡查周期，请尽快巡查。`);
    for (const i of absent) items.push(`${accountLabel(registry, i.account)}：${i.evidence}。`);
    if (items.length === 0)
      items.push(`最近 ${policy.inspection_interval_days} 天有 ${county.coverage.notChecked.length} 个在用账号没有巡查记录。`);
    blocks.push({ type: 'list', items });
  }

  // 工作要求
  h2('工作要求');
  blocks.push({
    type: 'list',
    items: [
      `有“僵尸”账号的单位，须立即恢复更新，或按程序关停、注销账号并发布停更公告，在 ${policy.filing_deadline_working_days} 个工作日内备案。`,
      '其他问题请在整改期限前完成整改；标“建议”的期限为下次巡查日期。县政府信息管理中心在下次巡查时核查，并在巡查记录中填写整改完成日期。',
      `账号开设、变更、关停、恢复、注销后，须在 ${policy.filing_deadline_working_days} 个工作日内备案（按国务院节假日安排计算工作日）。`,
      `账号须保持更新，两次更新间隔不超过 ${policy.stale_warning_days} 天；发现仿冒本单位的账号，请及时报告${site.office.name}。`,
    ],
  });

  return {
    title: `${site.region.name}政务新媒体巡查情况通报`,
    subtitle: latest ? `${latest.date} 巡查 · 统计截至 ${asOf} · ${site.office.name}` : `统计截至 ${asOf} · ${site.office.name}`,
    blocks,
    footer: footerOf(registry, '本通报'),
    sample: site.sample,
  };
}

/** The weekly report's problems as CSV (UTF-8 with BOM, opens in Excel): one row per problem. */
export function weeklyCsv(c: Compliance): string {
  const { registry, asOf } = c;
  const unitOrder = new Map([...c.units.values()].sort(byGrade).map((u, n) => [u.id, n]));
  const issues = [...weeklyIssues(c), ...c.issues.filter((i) => i.kind === 'inspection-missing')].sort(
    (a, b) => unitOrder.get(a.unit)! - unitOrder.get(b.unit)! || compareIssues(a, b),
  );
  const rows = issues.map((i) => {
    const unit = c.units.get(i.unit);
    const account = registry.accountById.get(i.account);
    return [
      i.unit,
      unit?.name ?? i.unit,
      unit?.grade ? GRADE_NAMES[unit.grade] : '未评价',
      unit?.score ?? '',
      i.account,
      account?.name ?? '',
      account ? (registry.platformById.get(account.platform)?.name ?? account.platform) : '',
      GRADING_ITEM[i.kind].title,
      ruleOf(i),
      i.evidence,
      i.due ?? '',
      i.due ? (i.dueRecorded ? (i.due < asOf ? '已下达（已逾期）' : '已下达') : '建议（下次巡查）') : '',
      i.source.file,
      i.source.line,
    ];
  });
  return toCsv(
    [
      '单位编号',
      '单位名称',
      '单位评价',
      '单位得分',
      '账号编号',
      '账号名称',
      '平台',
      '问题',
      '规则',
      '情况',
      '整改期限',
      '期限来源',
      '数据文件',
      '行号',
    ],
    rows,
  );
}

function annualRow(u: AnnualSummary['units'][number]): string[] {
  const r = u.rectifications;
  return [
    u.name,
    String(u.activeAtEnd),
    String(u.checks),
    String(u.staleFails),
    String(u.staleWarnings),
    String(u.findings),
    `${r.onTime}/${r.late + r.overdue}/${r.open + r.overdue}`,
    `${u.lateFilings}/${u.filings}`,
    String(u.unverifiedAtEnd + u.mismatchAtEnd),
    String(u.closuresWithoutNotice),
    u.grade ? String(u.grade.score) : '—',
    u.grade ? `${GRADE_NAMES[u.grade.grade]}${u.grade.reasons.some((x) => x.veto) ? '（单项否决）' : ''}` : '未评价',
  ];
}

function sortedAnnual(summary: AnnualSummary) {
  return [...summary.units].sort((a, b) =>
    byGrade(
      { id: a.id, grade: a.grade?.grade ?? null, score: a.grade?.score ?? null },
      { id: b.id, grade: b.grade?.grade ?? null, score: b.grade?.score ?? null },
    ),
  );
}

/** The annual assessment summary of a year as a document. */
export function annualReport(registry: Registry, year: number): ReportDocument {
  const summary = annualSummary(registry, year);
  const { site } = registry;
  const units = sortedAnnual(summary);
  const graded = units.filter((u) => u.grade);
  const count = (id: GradeId) => graded.filter((u) => u.grade!.grade === id).length;
  const blocks: Block[] = [
    { type: 'h2', text: '一、考核结果' },
    {
      type: 'p',
      text:
        `统计期间 ${summary.from} 至 ${summary.to}${summary.complete ? '' : '（年度尚未结束）'}，共巡查 ${summary.inspections} 次。参加考核的单位 ${graded.length} 个：` +
        `${GRADE_BANDS.map((b) => `${b.name} ${count(b.id)} 个`).join('、')}。`,
    },
    {
      type: 'table',
      caption: `${year} 年各单位考核情况`,
      head: [
        '单位',
        '年末在用账号',
        '巡查账号次数',
        '单项否决次数',
        '更新不及时次数',
        '其他问题',
        '整改（按期/逾期/未完成）',
        '备案（超期/总数）',
        '未认证或主体不符',
        '关停无公告',
        '得分',
        '评价',
      ],
      rows: units.map(annualRow),
      numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    },
    { type: 'h2', text: '二、扣分明细' },
  ];
  const details = units.filter((u) => u.grade && u.grade.reasons.length > 0);
  if (details.length === 0) blocks.push({ type: 'p', text: '没有扣分项目。' });
  else
    blocks.push({
      type: 'list',
      items: details.map(
        (u) =>
          `${u.name}：` +
          u
            .grade!.reasons.map(
              (r) => `${r.title} ${r.count} 次，${r.veto ? '单项否决' : r.deducted > 0 ? `扣 ${r.deducted} 分` : '不扣分'}`,
            )
            .join('；') +
          (u.zombieAccounts.length ? `（“僵尸”账号：${u.zombieAccounts.map((id) => accountLabel(registry, id)).join('、')}）` : ''),
      ),
    });
  blocks.push(
    { type: 'h2', text: '三、说明' },
    {
      type: 'list',
      items: [
        `每个单位从 ${BASE_SCORE} 分起算，按评分规则的“年度考核计入”一栏扣分，每个项目有扣分上限；年内任何一次巡查中有“僵尸”账号（单项否决）的单位评为不合格。`,
        '“整改”一栏：按期完成 / 逾期（逾期完成与逾期未完成）/ 尚未完成（含未到期）。',
        '“未认证或主体不符”按统计期末的备案计算。没有备案账号的单位不参加评价。',
      ],
    },
  );
  return {
    title: `${site.region.name}${year} 年度政务新媒体考核汇总`,
    subtitle: `统计期间 ${summary.from} 至 ${summary.to} · ${site.office.name}`,
    blocks,
    footer: footerOf(registry, '本汇总'),
    sample: site.sample,
  };
}

/** The annual assessment as CSV (UTF-8 with BOM): one row per unit. */
export function annualCsv(registry: Registry, year: number): string {
  const summary = annualSummary(registry, year);
  const rows = sortedAnnual(summary).map((u) => [
    u.id,
    u.name,
    u.activeAtEnd,
    u.checks,
    u.staleFails,
    u.zombieAccounts.join(' '),
    u.staleWarnings,
    u.findings,
    u.rectifications.ordered,
    u.rectifications.onTime,
    u.rectifications.late,
    u.rectifications.overdue,
    u.rectifications.open,
    u.filings,
    u.lateFilings,
    u.unverifiedAtEnd,
    u.mismatchAtEnd,
    u.closuresWithoutNotice,
    u.impostorsFound,
    u.grade?.score ?? '',
    u.grade ? GRADE_NAMES[u.grade.grade] : '未评价',
  ]);
  const head = [
    '单位编号',
    '单位名称',
    '年末在用账号',
    '巡查账号次数',
    '单项否决次数',
    '“僵尸”账号',
    '更新不及时次数',
    '其他问题',
    '提出整改',
    '按期完成',
    '逾期完成',
    '逾期未完成',
    '未到期',
    '备案事项',
    '备案超期',
    '未认证',
    '认证主体不符',
    '关停无公告',
    '被仿冒',
    '得分',
    '评价',
  ];
  return toCsv(head, rows);
}
