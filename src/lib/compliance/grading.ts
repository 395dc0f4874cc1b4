/**
 * The grading rules, written down in one place. The compliance engine scores units with this
 * table and nothing else; the site's /compliance/rules/ page, the unit cards and the report
 * print it. Thresholds of the governing rules (days, working days) stay in data/policy.yaml and
 * are quoted from there; the points below are the county office's assessment scheme.
 *
 * How a unit is graded: it starts from `BASE_SCORE`; every problem of an item deducts that item's
 * `points`, at most `cap` per item; a `veto` item (单项否决) makes the unit 不合格 whatever its
 * score; otherwise the grade is the first band whose `min` the score reaches.
 */
import type { RuleId } from '../rules/table.ts';
import type { Policy } from '../schema/policy.ts';

/** Kinds of compliance problem the engine finds; each has one row in `GRADING_ITEMS`. */
export type IssueKind =
  | 'stale-fail'
  | 'rectification-overdue'
  | 'stale-warning'
  | 'inspection-finding'
  | 'unverified-account'
  | 'verified-subject-mismatch'
  | 'filing-late'
  | 'closure-notice-missing'
  | 'inspection-missing';

export interface GradingItem {
  readonly kind: IssueKind;
  /** Short Chinese name, as in reports and cards. */
  readonly title: string;
  /** The validator rule (src/lib/rules/table.ts) that reports the same fact, or null. */
  readonly rule: RuleId | null;
  /** 单项否决: any occurrence makes the unit 不合格. */
  readonly veto: boolean;
  /** Points deducted per occurrence. */
  readonly points: number;
  /** Most points deducted for this item per unit. */
  readonly cap: number;
  /** What one occurrence is, in the current grade and in the annual assessment (`项`, `个账号`, `次`). */
  readonly per: { readonly current: string; readonly annual: string };
  /** What counts in the current grade (Chinese, with the policy's figures). */
  readonly current: (policy: Policy) => string;
  /** What counts in the annual assessment (Chinese). */
  readonly annual: (policy: Policy) => string;
}

/** Score every unit starts from. */
export const BASE_SCORE = 100;

/** Late filings count against the current grade for this many days after they were filed. */
export const LATE_FILING_LOOKBACK_DAYS = 365;

/** The items, worst first: the order of reasons on cards and of sections in reports. */
export const GRADING_ITEMS: readonly GradingItem[] = [
  {
    kind: 'stale-fail',
    title: '长期未更新（单项否决）',
    rule: 'stale-fail',
    veto: true,
    points: 0,
    cap: 0,
    per: { current: '个账号', annual: '次' },
    current: (p) => `最近一次巡查时，在用账号距最近一次更新超过 ${p.stale_fail_days} 天（“僵尸”账号）。`,
    annual: (p) => `年内任何一次巡查中，在用账号距最近一次更新超过 ${p.stale_fail_days} 天。`,
  },
  {
    kind: 'rectification-overdue',
    title: '整改逾期',
    rule: 'rectification-overdue',
    veto: false,
    points: 10,
    cap: 40,
    per: { current: '项', annual: '项' },
    current: () => '巡查提出的整改已过期限仍未完成（已注销账号的整改不计）。',
    annual: () => '年内提出的整改逾期完成，或已过期限仍未完成。',
  },
  {
    kind: 'stale-warning',
    title: '更新不及时',
    rule: 'stale-warning',
    veto: false,
    points: 5,
    cap: 20,
    per: { current: '个账号', annual: '次' },
    current: (p) => `最近一次巡查时，在用账号距最近一次更新超过 ${p.stale_warning_days} 天（未超过 ${p.stale_fail_days} 天）。`,
    annual: (p) => `年内每次巡查中，在用账号距最近一次更新超过 ${p.stale_warning_days} 天（未超过 ${p.stale_fail_days} 天）。`,
  },
  {
    kind: 'inspection-finding',
    title: '巡查发现问题',
    rule: null,
    veto: false,
    points: 5,
    cap: 20,
    per: { current: '个问题', annual: '次' },
    current: () => '最近一次巡查发现账号无法访问、互动功能缺失、内容错误或名称不符。',
    annual: () => '年内巡查发现账号无法访问、互动功能缺失、内容错误或名称不符。',
  },
  {
    kind: 'unverified-account',
    title: '账号未认证',
    rule: 'unverified-account',
    veto: false,
    points: 5,
    cap: 20,
    per: { current: '个账号', annual: '个账号' },
    current: () => '在用或关停的账号没有在平台上认证为本单位（备案中认证主体为空，或最近一次巡查发现未认证）。',
    annual: () => '年末（或截至统计日）仍未认证的账号。',
  },
  {
    kind: 'verified-subject-mismatch',
    title: '认证主体与单位名称不符',
    rule: 'verified-subject-mismatch',
    veto: false,
    points: 2,
    cap: 10,
    per: { current: '个账号', annual: '个账号' },
    current: () => '账号的认证主体既不是单位全称，也不是登记的其他正式名称。',
    annual: () => '年末（或截至统计日）认证主体仍与单位名称不符的账号。',
  },
  {
    kind: 'filing-late',
    title: '备案超期',
    rule: 'filing-late',
    veto: false,
    points: 3,
    cap: 15,
    per: { current: '次', annual: '次' },
    current: (p) =>
      `开设、变更、关停、恢复、注销超过 ${p.filing_deadline_working_days} 个工作日才备案（按国务院节假日安排计算工作日），备案日期在最近 ${LATE_FILING_LOOKBACK_DAYS} 天内。`,
    annual: (p) => `年内备案的事项中超过 ${p.filing_deadline_working_days} 个工作日才备案的。`,
  },
  {
    kind: 'closure-notice-missing',
    title: '关停缺少公告',
    rule: 'closure-notice-missing',
    veto: false,
    points: 3,
    cap: 15,
    per: { current: '个账号', annual: '个账号' },
    current: () => '关停或注销的账号没有发布停更公告（备案中没有公告链接），公众无从得知它已不是官方账号。',
    annual: () => '年内关停或注销、且没有停更公告的账号。',
  },
  {
    kind: 'inspection-missing',
    title: '未纳入巡查',
    rule: 'inspection-missing',
    veto: false,
    points: 0,
    cap: 0,
    per: { current: '个账号', annual: '个账号' },
    current: () => '在用账号没有出现在最近一次巡查记录中。这是巡查单位须补充的记录。',
    annual: () => '巡查单位的记录问题，不计入年度考核。',
  },
];

/** How an item scores, in Chinese: `每个账号扣 5 分，最多扣 20 分`, `单项否决：评为不合格`, `只作提示，不扣分`. */
export function pointsText(item: GradingItem, which: 'current' | 'annual'): string {
  if (item.veto) return '单项否决：有一个（次）即评为不合格';
  if (item.points === 0) return '只作提示，不扣分';
  return `每${item.per[which]}扣 ${item.points} 分，最多扣 ${item.cap} 分`;
}

/** The grading item of an issue kind. */
export const GRADING_ITEM: Readonly<Record<IssueKind, GradingItem>> = Object.fromEntries(
  GRADING_ITEMS.map((item) => [item.kind, item]),
) as Record<IssueKind, GradingItem>;

export type GradeId = 'excellent' | 'good' | 'pass' | 'fail';

export interface GradeBand {
  readonly id: GradeId;
  /** Chinese name of the grade. */
  readonly name: string;
  /** Lowest score of the band (a veto gives `fail` whatever the score). */
  readonly min: number;
  /** What the grade means (Chinese). */
  readonly meaning: string;
}

/** Grade bands, best first. */
export const GRADE_BANDS: readonly GradeBand[] = [
  { id: 'excellent', name: '优秀', min: 90, meaning: '账号按时更新、备案及时，没有未完成的整改。' },
  { id: 'good', name: '良好', min: 75, meaning: '有少量问题，正在整改或影响较小。' },
  { id: 'pass', name: '合格', min: 60, meaning: '问题较多，须按期整改。' },
  { id: 'fail', name: '不合格', min: 0, meaning: '有“僵尸”账号（单项否决），或扣分后低于 60 分。' },
];

export const GRADE_NAMES: Readonly<Record<GradeId, string>> = Object.fromEntries(GRADE_BANDS.map((b) => [b.id, b.name])) as Record<
  GradeId,
  string
>;

/** How many problems of one item a unit has. */
export type IssueCounts = Partial<Record<IssueKind, number>>;

/** One line of a grade's explanation: an item, how often it occurred, the points it cost. */
export interface GradeReason {
  readonly kind: IssueKind;
  readonly title: string;
  readonly count: number;
  /** Points deducted (after the cap). */
  readonly deducted: number;
  readonly veto: boolean;
}

export interface Grade {
  readonly score: number;
  readonly grade: GradeId;
  /** Every item that occurred, in table order (including those that cost no points). */
  readonly reasons: readonly GradeReason[];
}

/** Grades a unit from the number of problems of each item: the scheme in this file, nothing else. */
export function gradeOf(counts: IssueCounts): Grade {
  let score = BASE_SCORE;
  let veto = false;
  const reasons: GradeReason[] = [];
  for (const item of GRADING_ITEMS) {
    const count = counts[item.kind] ?? 0;
    if (count === 0) continue;
    const deducted = Math.min(item.cap, item.points * count);
    score -= deducted;
    veto ||= item.veto;
    reasons.push({ kind: item.kind, title: item.title, count, deducted, veto: item.veto });
  }
  score = Math.max(0, score);
  const grade = veto ? 'fail' : GRADE_BANDS.find((b) => score >= b.min)!.id;
  return { score, grade, reasons };
}
