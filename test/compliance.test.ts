/**
 * The compliance engine on test/fixtures/compliance/data: four weekly inspections around the 2026
 * Spring Festival (none on 02-16 and 02-23), a filing across the holiday and its make-up
 * Saturday, an account opened mid-period, one suspended mid-period, a zombie with an overdue
 * rectification — and the same facts the validator reports.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annualSummary, assessmentYears } from '../src/lib/compliance/annual.ts';
import { computeCompliance, type Compliance } from '../src/lib/compliance/engine.ts';
import { GRADING_ITEMS, gradeOf } from '../src/lib/compliance/grading.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { makeFixture, REPO, replace, type Changes } from './helpers/fixture.ts';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'compliance', 'data');
const AS_OF = '2026-03-12';

function compliance(changes: Changes = {}, asOf = AS_OF): Compliance {
  const { registry, problems } = loadRegistry(makeFixture(changes, FIXTURE), { asOf });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return computeCompliance(registry!);
}

const summary = (c: Compliance) => c.issues.map((i) => `${i.kind} ${i.account} due=${i.due}${i.dueRecorded ? '' : '?'}`);

describe('filing timeliness (working days)', () => {
  it('crosses the Spring Festival and counts the make-up Saturday: on time on the 3rd working day', () => {
    const weibo = compliance().accounts.get('jiaoyuju/weibo')!;
    expect(weibo.filings).toHaveLength(1);
    expect(weibo.filings[0]).toMatchObject({ status: 'on-time', workdays: 3, deadline: 3, due: null });
  });
  it('counts the make-up Saturday after the holiday: late on the 4th working day', () => {
    const douyin = compliance().accounts.get('jiaoyuju/douyin')!;
    expect(douyin.filings[0]).toMatchObject({ status: 'late', workdays: 4, due: '2026-03-03' });
    expect(douyin.issues.find((i) => i.kind === 'filing-late')).toMatchObject({
      rule: 'filing-late',
      due: null,
      since: '2026-03-04',
      evidence: '开设（2026-02-27）于 2026-03-04 备案，用了 4 个工作日（时限 3 个工作日，最迟 2026-03-03）',
    });
  });
  it('exempts events before policy.filing_checked_from', () => {
    const c = compliance({
      'units/suonan-zhen/accounts/wechat.yaml': replace('date: 2025-03-03, filed: 2025-03-04', 'date: 2024-03-01, filed: 2024-05-04'),
    });
    expect(c.accounts.get('suonan-zhen/wechat')!.filings[0]).toMatchObject({ status: 'exempt', workdays: null });
    expect(c.issues.filter((i) => i.kind === 'filing-late').map((i) => i.account)).toEqual(['jiaoyuju/douyin']);
  });
  it('drops late filings older than the lookback from the current grade', () => {
    // Filed 2025-03-10, a year before: late, but outside the 365-day window on 2026-03-12.
    const c = compliance({ 'units/suonan-zhen/accounts/wechat.yaml': replace('filed: 2025-03-04', 'filed: 2025-03-10') });
    expect(c.accounts.get('suonan-zhen/wechat')!.filings[0]!.status).toBe('late');
    expect(c.issues.filter((i) => i.kind === 'filing-late').map((i) => i.account)).toEqual(['jiaoyuju/douyin']);
  });
  it('reports a year without calendar as unknown, never guessed', () => {
    const c = compliance(
      {
        'units/suonan-zhen/accounts/toutiao.yaml':
          'name: 锁南\nplatform: toutiao\nhandle: "1712345678901234"\nurl: https://www.toutiao.com/c/user/token/x/\nverified_as: 东乡族自治县锁南镇人民政府\npurpose: 资讯\noperation: self\nevents:\n  - { type: opened, date: 2026-12-31, filed: 2027-01-05 }\n',
      },
      '2027-01-06',
    );
    expect(c.accounts.get('suonan-zhen/toutiao')!.filings[0]).toMatchObject({ status: 'unknown', missingYear: 2027, workdays: null });
  });
});

describe('latest inspection', () => {
  it('grades each account by days since its last post', () => {
    const c = compliance();
    const latest = (id: string) => c.accounts.get(id)!.latest;
    expect(latest('suonan-zhen/wechat')).toMatchObject({ kind: 'checked', date: '2026-03-09', days: 25, level: 'fail' });
    expect(latest('jiaoyuju/douyin')).toMatchObject({ kind: 'checked', days: 9, level: 'warning' });
    expect(latest('jiaoyuju/wechat')).toMatchObject({ kind: 'checked', days: 1, level: 'ok' });
  });
  it('counts a never-posted account from its opening day (opened mid-period)', () => {
    const c = compliance();
    expect(c.accounts.get('suonan-zhen/douyin')!.latest).toMatchObject({ kind: 'checked', since: '2026-03-05', days: 4, level: 'ok' });
    expect(c.accounts.get('suonan-zhen/douyin')!.issues).toEqual([]);
  });
  it('does not count an account suspended mid-period as stale afterwards', () => {
    const c = compliance();
    const kuaishou = c.accounts.get('suonan-zhen/kuaishou')!;
    expect(kuaishou).toMatchObject({ status: 'suspended', level: 'closed', issues: [] });
    expect(kuaishou.latest).toMatchObject({ kind: 'closed' });
    // It was stale at the 03-02 inspection, while still active.
    expect(c.county.trend.find((t) => t.date === '2026-03-02')).toMatchObject({ warning: 1, fail: 1 });
    expect(c.county.trend.find((t) => t.date === '2026-03-09')).toMatchObject({ active: 5, checked: 5, warning: 1, fail: 1 });
  });
  it('does not count a stale account closed after the inspection (closing rectifies it)', () => {
    const c = compliance({
      'units/suonan-zhen/accounts/wechat.yaml': (t) =>
        `${t}  - { type: deregistered, date: 2026-03-10, filed: 2026-03-11, notice_url: https://mp.weixin.qq.com/s/snnotice }\n`,
    });
    const wechat = c.accounts.get('suonan-zhen/wechat')!;
    expect(wechat.level).toBe('closed');
    expect(wechat.issues).toEqual([]);
    // The open rectification of a deregistered account is void, not overdue.
    expect(wechat.rectifications.map((r) => r.state)).toEqual(['void']);
    expect(c.units.get('suonan-zhen')!.grade).toBe('excellent');
  });
  it('marks an account opened after the latest inspection as not yet due', () => {
    const c = compliance({
      'units/suonan-zhen/accounts/toutiao.yaml':
        'name: 锁南\nplatform: toutiao\nhandle: "1712345678901234"\nurl: https://www.toutiao.com/c/user/token/x/\nverified_as: 东乡族自治县锁南镇人民政府\npurpose: 资讯\noperation: self\nevents:\n  - { type: opened, date: 2026-03-10, filed: 2026-03-11 }\n',
    });
    expect(c.accounts.get('suonan-zhen/toutiao')!.latest).toEqual({ kind: 'not-due', date: '2026-03-09' });
    expect(c.accounts.get('suonan-zhen/toutiao')!.issues).toEqual([]);
    expect(c.county.coverage).toMatchObject({ due: 5, checked: 5, newAccounts: ['suonan-zhen/toutiao'], notChecked: [] });
  });
  it('reports an active account left out of the latest inspection, without deducting points', () => {
    const c = compliance({
      'inspections/2026/2026-03-09.yaml': replace('  - { account: jiaoyuju/weibo, last_post: 2026-03-06, findings: [] }\n', ''),
    });
    expect(c.accounts.get('jiaoyuju/weibo')!.latest).toEqual({ kind: 'absent', date: '2026-03-09' });
    expect(c.accounts.get('jiaoyuju/weibo')!.issues.map((i) => [i.kind, i.due])).toEqual([['inspection-missing', null]]);
    expect(c.county.coverage).toMatchObject({ due: 5, checked: 4, notChecked: ['jiaoyuju/weibo'] });
    expect(c.units.get('jiaoyuju')!.score).toBe(92);
  });
});

describe('inspections missing', () => {
  it('flags the overdue inspection and zero coverage when no inspection falls in the interval', () => {
    const c = compliance({}, '2026-03-20');
    expect(c.county.latest).toMatchObject({ date: '2026-03-09', ageDays: 11, overdue: true });
    expect(c.county.coverage).toMatchObject({ from: '2026-03-14', to: '2026-03-20', due: 5, checked: 0 });
    expect(c.suggestedDue).toBe('2026-03-23');
  });
  it('has no trend point for the holiday weeks without inspection', () => {
    expect(compliance().county.trend.map((t) => t.date)).toEqual(['2026-02-02', '2026-02-09', '2026-03-02', '2026-03-09']);
  });
  it('works with no inspection at all', () => {
    const c = compliance({ 'inspections/2026': null });
    expect(c.county.latest).toBeNull();
    expect(c.county.trend).toEqual([]);
    expect(c.accounts.get('jiaoyuju/wechat')!.latest).toEqual({ kind: 'none' });
    expect(c.county.coverage).toMatchObject({ due: 5, checked: 0 });
  });
});

describe('rectifications', () => {
  it('tracks open, overdue and late-resolved rectifications with their due dates', () => {
    const c = compliance();
    expect(summary(c)).toEqual([
      'stale-fail suonan-zhen/wechat due=2026-03-06',
      'rectification-overdue suonan-zhen/wechat due=2026-03-06',
      'stale-warning jiaoyuju/douyin due=2026-03-16',
      'filing-late jiaoyuju/douyin due=null?',
    ]);
    const overdue = c.issues.find((i) => i.kind === 'rectification-overdue')!;
    expect(overdue.evidence).toBe('2026-03-02 巡查要求整改“更新不及时”，期限 2026-03-06，已逾期 6 天仍未完成');
    expect(overdue.source).toMatchObject({ file: 'data/inspections/2026/2026-03-02.yaml', line: 11 });
    expect(c.accounts.get('jiaoyuju/wechat')!.rectifications.map((r) => [r.state, r.resolvedLate])).toEqual([['resolved', true]]);
    expect(c.county.rectifications).toEqual({ unresolved: 2, overdue: 1 });
  });
  it('the trend counts open and overdue rectifications as they stood on each inspection day', () => {
    expect(compliance().county.trend.map((t) => [t.date, t.ordered, t.open, t.overdue, t.findings])).toEqual([
      ['2026-02-02', 0, 0, 0, 0],
      ['2026-02-09', 1, 1, 0, 1],
      ['2026-03-02', 2, 2, 0, 0],
      ['2026-03-09', 1, 2, 1, 0],
    ]);
  });
  it('suggests the next inspection as due date for problems without a recorded rectification', () => {
    const c = compliance({ 'units/jiaoyuju/accounts/weibo.yaml': replace('verified_as: 东乡族自治县教育局', 'verified_as: null') });
    expect(c.issues.find((i) => i.account === 'jiaoyuju/weibo')).toMatchObject({
      kind: 'unverified-account',
      due: '2026-03-16',
      dueRecorded: false,
    });
  });
});

describe('units and county', () => {
  it('grades units from the table, with the reasons', () => {
    const c = compliance();
    expect(c.units.get('suonan-zhen')).toMatchObject({
      score: 90,
      grade: 'fail',
      reasons: [
        { kind: 'stale-fail', count: 1, deducted: 0, veto: true },
        { kind: 'rectification-overdue', count: 1, deducted: 10, veto: false },
      ],
      counts: { total: 3, active: 2, suspended: 1, deregistered: 0, checked: 2 },
    });
    expect(c.units.get('jiaoyuju')).toMatchObject({ score: 92, grade: 'excellent', impostors: ['dxjy-fake'] });
    expect(c.units.get('xinxi-zhongxin')).toMatchObject({ score: null, grade: null, reasons: [] });
    expect(c.county.grades).toEqual({ excellent: 1, good: 0, pass: 0, fail: 1, none: 1 });
  });
  it('shows the one-account-per-platform situation, waivers included', () => {
    const second =
      'name: 东乡教育服务\nplatform: wechat\nhandle: dxjyfuwu\nurl: https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzFUWU==\nverified_as: 东乡族自治县教育局\npurpose: 服务号\noperation: self\nevents:\n  - { type: opened, date: 2026-03-02, filed: 2026-03-03 }\nwaiver: { reason: 服务号与订阅号功能不同, approved_by: 县政府办公室, approved_on: 2026-02-27 }\n';
    const c = compliance({
      'units/jiaoyuju/accounts/wechat-fuwu.yaml': second,
      'inspections/2026/2026-03-09.yaml': replace(
        'rectifications:',
        '  - { account: jiaoyuju/wechat-fuwu, last_post: 2026-03-08, findings: [] }\nrectifications:',
      ),
    });
    const wechat = c.units.get('jiaoyuju')!.platforms.find((p) => p.platform === 'wechat');
    expect(wechat).toEqual({ platform: 'wechat', accounts: ['jiaoyuju/wechat', 'jiaoyuju/wechat-fuwu'], waived: ['jiaoyuju/wechat-fuwu'] });
  });
  it('summarises impostor handling times', () => {
    const c = compliance({
      'impostors/sn-fake.yaml':
        'platform: wechat\nname: 锁南镇发布官方\nhandle: snfb_gf\nurl: null\nimitates: suonan-zhen/wechat\nfound: 2026-03-01\nreported: 2026-03-02\nremoved: null\nsource: public-report\n',
    });
    expect(c.county.impostors).toMatchObject({
      total: 2,
      online: 1,
      removed: 1,
      notReported: 0,
      medianDaysToRemoval: 7,
      maxDaysToRemoval: 7,
    });
    expect(c.county.impostors.list.find((i) => i.id === 'sn-fake')).toMatchObject({ daysToRemoval: null, daysOnline: 11 });
  });
});

describe('grading table', () => {
  it('is the only scheme: a veto fails whatever the score, caps limit each item', () => {
    expect(gradeOf({})).toEqual({ score: 100, grade: 'excellent', reasons: [] });
    expect(gradeOf({ 'stale-fail': 1 }).grade).toBe('fail');
    expect(gradeOf({ 'stale-warning': 10 })).toMatchObject({ score: 80, grade: 'good' });
    expect(gradeOf({ 'rectification-overdue': 3, 'stale-warning': 4 })).toMatchObject({ score: 50, grade: 'fail' });
    expect(gradeOf({ 'inspection-missing': 5 })).toMatchObject({ score: 100, grade: 'excellent' });
  });
  it('has one row per issue kind the engine produces', () => {
    expect(GRADING_ITEMS.map((i) => i.kind).sort()).toEqual(
      [
        'closure-notice-missing',
        'filing-late',
        'inspection-finding',
        'inspection-missing',
        'rectification-overdue',
        'stale-fail',
        'stale-warning',
        'unverified-account',
        'verified-subject-mismatch',
      ].sort(),
    );
  });
});

describe('annual assessment', () => {
  it('counts what happened in the year up to today', () => {
    const { registry } = loadRegistry(makeFixture({}, FIXTURE), { asOf: AS_OF });
    expect(assessmentYears(registry!)).toEqual([2025, 2026]);
    const year = annualSummary(registry!, 2026);
    expect(year).toMatchObject({ from: '2026-01-01', to: AS_OF, complete: false, inspections: 4 });
    const sn = year.units.find((u) => u.id === 'suonan-zhen')!;
    expect(sn).toMatchObject({
      activeAtEnd: 2,
      checks: 8,
      staleWarnings: 1,
      staleFails: 2,
      zombieAccounts: ['suonan-zhen/wechat'],
      rectifications: { ordered: 2, onTime: 1, late: 0, overdue: 1, open: 0 },
      lateFilings: 0,
      filings: 2,
      closuresWithoutNotice: 0,
    });
    expect(sn.grade).toMatchObject({ grade: 'fail', score: 85 });
    const jy = year.units.find((u) => u.id === 'jiaoyuju')!;
    expect(jy).toMatchObject({
      checks: 8,
      staleWarnings: 1,
      staleFails: 0,
      findings: 1,
      rectifications: { ordered: 2, onTime: 0, late: 1, overdue: 0, open: 1 },
      lateFilings: 1,
      filings: 2,
      impostorsFound: 1,
    });
    // 100 − 5 (stale) − 10 (late rectification) − 5 (finding) − 3 (late filing)
    expect(jy.grade).toMatchObject({ grade: 'good', score: 77 });
  });
});

describe('the validator and the engine share one implementation', () => {
  const RULES = [
    'stale-fail',
    'stale-warning',
    'filing-late',
    'rectification-overdue',
    'unverified-account',
    'closure-notice-missing',
    'verified-subject-mismatch',
  ];
  it('every compliance warning of the sample data is an engine issue at the same place', () => {
    const { registry, problems } = loadRegistry(path.join(REPO, 'data'), { asOf: '2026-11-28' });
    const c = computeCompliance(registry!);
    const lookbackFrom = '2025-11-28';
    const fromRules = problems
      .filter((p) => RULES.includes(p.rule))
      // Late filings older than the grading lookback are history for the current grade.
      .filter((p) => p.rule !== 'filing-late' || String(p.params.filed) > lookbackFrom)
      .map((p) => `${p.rule} ${p.file}:${p.line}`)
      .sort();
    const fromEngine = c.issues
      .filter((i) => i.rule && RULES.includes(i.rule))
      .map((i) => `${i.rule} ${i.source.file}:${i.source.line}`)
      .sort();
    expect(fromEngine).toEqual(fromRules);
    expect(fromRules.length).toBe(21);
  });
});
