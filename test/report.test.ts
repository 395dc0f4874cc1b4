/** `npm run report`: the weekly 通报 and the annual summary, in Markdown, CSV and printable HTML. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runReport } from '../src/cli/report.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { RULE_IDS } from '../src/lib/rules/table.ts';
import { FINDINGS } from '../src/lib/schema/inspection.ts';
import { makeFixture, REPO, replace } from './helpers/fixture.ts';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'compliance', 'data');
const AS_OF = '2026-03-12';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runReport(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: REPO });
  return { code, stdout, stderr };
}

describe('weekly report', () => {
  it('Markdown: problems by unit with the rule, the account, the evidence and the due date', async () => {
    const { code, stdout } = await run(['--data', FIXTURE, '--as-of', AS_OF]);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "# 测试县政务新媒体巡查情况通报

      2026-03-09 巡查 · 统计截至 2026-03-12 · 测试县人民政府办公室

      > 注意：本名录为示例数据，单位为真实的乡镇和部门，账号均为虚构，本通报仅作演示。

      ## 一、总体情况

      2026-03-09，东乡族自治县人民政府信息管理中心对全县政务新媒体账号进行了巡查，检查在用账号 5 个，占当日在用账号 5 个的 100%。

      发现“僵尸”账号（超过 14 天未更新，单项否决）1 个，更新不及时（超过 7 天未更新）1 个，其他问题 0 项；整改逾期 1 项，尚未完成的整改共 2 项。本期（2026-03-06 至 2026-03-12）备案超期 0 次。

      仿冒账号：累计登记 1 个，已被平台处置 1 个，仍在线 0 个；本期新发现 0 个。

      全县 3 个单位中，优秀 1 个、良好 0 个、合格 0 个、不合格 1 个，未开设账号 1 个。

      ## 二、存在问题的单位

      ### 1. 东乡族自治县锁南镇人民政府（不合格，单项否决，得分 90）

      | 问题 | 账号 | 情况 | 整改期限 |
      | --- | --- | --- | --- |
      | 长期未更新（单项否决） | 锁南镇发布（微信公众号） | 2026-03-09 巡查时已 25 天未更新（最近更新 2026-02-12），超过 14 天 | 2026-03-06（已逾期） |
      | 整改逾期 | 锁南镇发布（微信公众号） | 2026-03-02 巡查要求整改“更新不及时”，期限 2026-03-06，已逾期 6 天仍未完成 | 2026-03-06（已逾期） |

      ### 2. 东乡族自治县教育局（优秀，得分 92）

      | 问题 | 账号 | 情况 | 整改期限 |
      | --- | --- | --- | --- |
      | 更新不及时 | 东乡教育（抖音） | 2026-03-09 巡查时已 9 天未更新（最近更新 2026-02-28），超过 7 天 | 2026-03-16 |

      ## 三、仿冒账号处置情况

      | 仿冒账号 | 平台 | 仿冒对象 | 发现 | 举报 | 处置情况 |
      | --- | --- | --- | --- | --- | --- |
      | 东乡教育官方（dxjy_guanfang） | 抖音 | 东乡教育（抖音） | 2026-03-02 | 2026-03-03 | 2026-03-10 已处置（用时 7 天） |

      ## 四、工作要求

      - 有“僵尸”账号的单位，须立即恢复更新，或按程序关停、注销账号并发布停更公告，在 3 个工作日内备案。
      - 其他问题请在整改期限前完成整改；标“建议”的期限为下次巡查日期。县政府信息管理中心在下次巡查时核查，并在巡查记录中填写整改完成日期。
      - 账号开设、变更、关停、恢复、注销后，须在 3 个工作日内备案（按国务院节假日安排计算工作日）。
      - 账号须保持更新，两次更新间隔不超过 7 天；发现仿冒本单位的账号，请及时报告测试县人民政府办公室。

      ---

      本通报由政务新媒体名录根据备案和巡查记录自动生成；评分方法见名录网站“合规评价规则”页面（/compliance/rules/）。测试县人民政府办公室（电话 0930-7120000，邮箱 office@test.example）。
      "
    `);
  });

  it('lists a late filing in the week it was filed', async () => {
    // As of 03-06 the latest inspection is 03-02; jiaoyuju/douyin was filed late on 03-04.
    const data = makeFixture(
      { 'inspections/2026/2026-03-09.yaml': null, 'impostors/dxjy-fake.yaml': replace('removed: 2026-03-10', 'removed: null') },
      FIXTURE,
    );
    const { code, stdout } = await run(['--data', data, '--as-of', '2026-03-06']);
    expect(code).toBe(0);
    expect(stdout).toContain('本期（2026-02-28 至 2026-03-06）备案超期 1 次');
    expect(stdout).toContain(
      '| 备案超期 | 东乡教育（抖音） | 开设（2026-02-27）于 2026-03-04 备案，用了 4 个工作日（时限 3 个工作日，最迟 2026-03-03） | — |',
    );
    // A week later it is history: in the annual assessment, not in the weekly report.
    const later = await run(['--data', FIXTURE, '--as-of', AS_OF]);
    expect(later.stdout).not.toContain('filing-late');
  });

  it('lists accounts missing from the inspection record apart, for the inspector', async () => {
    const data = makeFixture(
      { 'inspections/2026/2026-03-09.yaml': replace('  - { account: jiaoyuju/weibo, last_post: 2026-03-06, findings: [] }\n', '') },
      FIXTURE,
    );
    const { stdout } = await run(['--data', data, '--as-of', AS_OF]);
    expect(stdout).toContain('## 四、巡查记录待补充\n\n- 东乡教育（新浪微博）：没有出现在 2026-03-09 的巡查记录中。\n\n## 五、工作要求');
    expect(stdout).not.toContain('| 未纳入巡查 |');
  });

  it('CSV: UTF-8 with BOM, one row per problem, grouped by unit, with the data file and line', async () => {
    const { code, stdout } = await run(['--data', FIXTURE, '--as-of', AS_OF, '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFF单位编号,单位名称,')).toBe(true);
    expect(stdout).toContain('\r\n');
    const rows = parse(stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(
      rows.map((r) => [r['单位编号'], r['规则'], r['账号编号'], r['整改期限'], r['期限来源'], `${r['数据文件']}:${r['行号']}`]),
    ).toEqual([
      ['suonan-zhen', 'stale-fail', 'suonan-zhen/wechat', '2026-03-06', '已下达（已逾期）', 'data/inspections/2026/2026-03-09.yaml:8'],
      [
        'suonan-zhen',
        'rectification-overdue',
        'suonan-zhen/wechat',
        '2026-03-06',
        '已下达（已逾期）',
        'data/inspections/2026/2026-03-02.yaml:11',
      ],
      ['jiaoyuju', 'stale-warning', 'jiaoyuju/douyin', '2026-03-16', '已下达', 'data/inspections/2026/2026-03-09.yaml:4'],
    ]);
  });

  it('HTML: a standalone A4 page with a print stylesheet, escaping the data', async () => {
    const data = makeFixture(
      {
        'inspections/2026/2026-03-09.yaml': replace(
          'jiaoyuju/weibo, last_post: 2026-03-06, findings: [] }',
          'jiaoyuju/weibo, last_post: 2026-03-06, findings: [content-error], note: "<b>错别字</b> & 标题" }',
        ),
      },
      FIXTURE,
    );
    const out = path.join(path.dirname(data), 'out', '通报.html');
    const { code, stderr } = await run(['--data', data, '--as-of', AS_OF, '--format', 'html', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('已写入');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid;');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('<h3>1. 东乡族自治县锁南镇人民政府（不合格，单项否决，得分 90）</h3>');
    expect(html).toContain('<td>2026-03-09 巡查发现：内容错误（&lt;b&gt;错别字&lt;/b&gt; &amp; 标题）</td>');
    expect(html).not.toContain('<b>错别字');
  });
});

describe('printed reports name things in words', () => {
  it('HTML (weekly and annual): no rule id, no finding code, no account or unit file id', async () => {
    const registry = loadRegistry(FIXTURE, { asOf: AS_OF }).registry!;
    const ids = [...RULE_IDS, ...Object.keys(FINDINGS), ...registry.accounts.map((a) => a.id), ...registry.units.map((u) => u.id)];
    for (const argv of [[], ['--year', '2026']]) {
      const { code, stdout } = await run(['--data', FIXTURE, '--as-of', AS_OF, '--format', 'html', ...argv]);
      expect(code).toBe(0);
      const text = stdout.replace(/<style>[\s\S]*?<\/style>/, '');
      expect(ids.filter((id) => new RegExp(`(?<![\\w/-])${id.replace(/[/-]/g, '\\$&')}(?![\\w/-])`).test(text))).toEqual([]);
    }
    const weekly = await run(['--data', FIXTURE, '--as-of', AS_OF, '--format', 'html']);
    expect(weekly.stdout).toContain('<td>长期未更新（单项否决）</td>');
    expect(weekly.stdout).toContain('<td>锁南镇发布（微信公众号）</td>');
    const annual = await run(['--data', FIXTURE, '--as-of', AS_OF, '--year', '2026']);
    expect(annual.stdout).toContain('（“僵尸”账号：锁南镇发布（微信公众号））');
  });
});

describe('CSV on stdout', () => {
  it('is the CSV alone, BOM first; under npm without --silent a hint goes to stderr, not into the file', async () => {
    const io = (env: Record<string, string>, isTTY = false) => {
      const out = { stdout: '', stderr: '' };
      const done = runReport(['--data', FIXTURE, '--as-of', AS_OF, '--format', 'csv'], {
        stdout: (t) => void (out.stdout += t),
        stderr: (t) => void (out.stderr += t),
        cwd: REPO,
        env,
        isTTY,
      });
      return done.then((code) => ({ code, ...out }));
    };
    const banner = await io({ npm_lifecycle_event: 'report' });
    expect(banner.code).toBe(0);
    expect(banner.stdout.startsWith('\uFEFF单位编号,')).toBe(true);
    expect(banner.stderr).toContain('npm run --silent report');
    expect((await io({ npm_lifecycle_event: 'report', npm_config_loglevel: 'silent' })).stderr).toBe('');
    expect((await io({ npm_lifecycle_event: 'report' }, true)).stderr).toBe('');
    expect((await io({})).stderr).toBe('');
  });

  it('the help says how to save a file', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toContain('npm run --silent report -- --format csv > 通报.csv');
    expect(stdout).toContain('--out 通报.csv');
  });
});

describe('annual report', () => {
  it('Markdown: each unit with its year counts, score and deductions', async () => {
    const { code, stdout } = await run(['--data', FIXTURE, '--as-of', AS_OF, '--year', '2026']);
    expect(code).toBe(0);
    expect(stdout).toContain('# 测试县2026 年度政务新媒体考核汇总');
    expect(stdout).toContain(
      '统计期间 2026-01-01 至 2026-03-12（年度尚未结束），共巡查 4 次。参加考核的单位 2 个：优秀 0 个、良好 1 个、合格 0 个、不合格 1 个。',
    );
    expect(stdout).toContain('| 东乡族自治县锁南镇人民政府 | 2 | 8 | 2 | 1 | 0 | 1/1/1 | 0/2 | 0 | 0 | 85 | 不合格（单项否决） |');
    expect(stdout).toContain('| 东乡族自治县教育局 | 3 | 8 | 0 | 1 | 1 | 0/1/1 | 1/2 | 0 | 0 | 77 | 良好 |');
    expect(stdout).toContain(
      '- 东乡族自治县教育局：整改逾期 1 次，扣 10 分；更新不及时 1 次，扣 5 分；巡查发现问题 1 次，扣 5 分；备案超期 1 次，扣 3 分',
    );
  });
  it('CSV: one row per unit', async () => {
    const { stdout } = await run(['--data', FIXTURE, '--as-of', AS_OF, '--year', '2026', '--format', 'csv']);
    const rows = parse(stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['单位编号'], r['单项否决次数'], r['“僵尸”账号'], r['得分'], r['评价']])).toEqual([
      ['suonan-zhen', '2', 'suonan-zhen/wechat', '85', '不合格'],
      ['jiaoyuju', '0', '', '77', '良好'],
      ['xinxi-zhongxin', '0', '', '', '未评价'],
    ]);
  });
});

describe('exit codes', () => {
  it('1 when the data has errors: nothing is reported from invalid data', async () => {
    const data = makeFixture({ 'units/jiaoyuju/accounts/weibo.yaml': replace('date: 2026-02-13', 'date: 2026-2-13') }, FIXTURE);
    const result = await run(['--data', data, '--as-of', AS_OF]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('数据有 1 个错误，不能生成通报');
  });
  it.each([
    [['--format', 'pdf']],
    [['--as-of', '2026-02-30']],
    [['--year', '2030', '--as-of', AS_OF]],
    [['--data', '/nonexistent']],
    [['extra']],
  ])('2 on usage problems: %j', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('用法');
  });
});
