/**
 * `npm run inspection:import`: the weekly check sheet as Excel saves it (GBK or UTF-8 CSV) becomes
 * data/inspections/<YYYY>/<date>.yaml; every bad row is reported with its row number and nothing
 * is written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { dateFromFileName, runInspectionImport } from '../src/cli/inspection-import.ts';
import { decodeSheet, parseFindings, parseProofCell, parseSheetDate } from '../src/lib/compliance/inspection-import.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { makeFixture, REPO, type Changes } from './helpers/fixture.ts';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'compliance', 'data');
const AS_OF = '2026-03-16';
const TARGET = 'inspections/2026/2026-03-16.yaml';

/** A fixture copy plus a sheet file next to it; returns both paths. */
function setup(sheet: string | Uint8Array, name = '巡查表2026-03-16.csv', changes: Changes = {}) {
  const data = makeFixture(changes, FIXTURE);
  const file = path.join(path.dirname(data), name);
  writeFileSync(file, sheet);
  return { data, file };
}

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runInspectionImport(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: REPO });
  return { code, stdout, stderr };
}

const SHEET = [
  '测试县政务新媒体巡查表（2026年3月16日）,,,,',
  '账号,平台,最近更新日期,问题,备注',
  'http://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5NzQ2NjQ1Mg==&scene=124#wechat_redirect,,2026/3/15,,',
  '东乡教育,新浪微博,2026年3月14日,内容错误,标题有错别字',
  'dxjy_video,抖音,2026-03-03,更新不及时,',
  '锁南镇发布,微信公众号,2026-03-13,无,已恢复更新',
  'suonan_dy,,无,"互动功能缺失、unreachable",',
  ',,,,',
].join('\r\n');

const EXPECTED_YAML = `# yaml-language-server: $schema=../../../schemas/inspection.schema.json
# 由 巡查表2026-03-16.csv 导入：本周巡查账号 5 个，发现问题账号 3 个
date: 2026-03-16
inspector: xinxi-zhongxin
checks:
  - { account: jiaoyuju/douyin, last_post: 2026-03-03, findings: [stale] }
  - { account: jiaoyuju/wechat, last_post: 2026-03-15, findings: [] }
  - { account: jiaoyuju/weibo, last_post: 2026-03-14, findings: [content-error], note: 标题有错别字 }
  - { account: suonan-zhen/douyin, last_post: null, findings: [stale, no-interaction, unreachable] }
  - { account: suonan-zhen/wechat, last_post: 2026-03-13, findings: [], note: 已恢复更新 }
rectifications:
  - { account: jiaoyuju/weibo, issue: content-error, due: 2026-03-23, resolved: null }
  - { account: suonan-zhen/douyin, issue: stale, due: 2026-03-23, resolved: null }
  - { account: suonan-zhen/douyin, issue: no-interaction, due: 2026-03-23, resolved: null }
  - { account: suonan-zhen/douyin, issue: unreachable, due: 2026-03-23, resolved: null }
`;

describe('importing a sheet', () => {
  it('reads a GBK sheet as Excel saves it (accounts by id, link, name and platform, handle) and writes the canonical record, which validates', async () => {
    const bytes = iconv.encode(SHEET, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { data, file } = setup(bytes);
    const result = await run([file, '--data', data, '--as-of', AS_OF]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '已写入 data/inspections/2026/2026-03-16.yaml：巡查账号 5 个，发现问题账号 3 个，提出整改 4 项（巡查表编码 GBK）',
    );
    expect(result.stdout).toContain('jiaoyuju/douyin 的“更新不及时”整改已在 2026-03-09 提出（期限 2026-03-16），不重复提出');
    expect(result.stdout).toContain('已自动补记 stale：suonan-zhen/douyin');
    expect(result.stdout).toContain(
      'suonan-zhen/wechat 本次没有“更新不及时”问题：可在 data/inspections/2026/2026-03-02.yaml 中把该整改的 resolved 填为完成日期',
    );
    expect(readFileSync(path.join(data, TARGET), 'utf8')).toBe(EXPECTED_YAML);
    const after = loadRegistry(data, { asOf: AS_OF });
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(after.problems.filter((p) => p.file === `data/${TARGET}`).map((p) => p.rule)).toEqual(['stale-warning', 'stale-warning']);
  });

  it('reads UTF-8 with a BOM (and takes the date from the file name)', async () => {
    const { data, file } = setup(`\uFEFF${SHEET}`);
    const result = await run([file, '--data', data, '--as-of', AS_OF]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('（巡查表编码 UTF-8）');
    expect(readFileSync(path.join(data, TARGET), 'utf8')).toBe(EXPECTED_YAML);
  });

  it('--dry-run checks without writing; --no-rectifications and --due-days shape the rectifications', async () => {
    const { data, file } = setup(SHEET);
    const dry = await run([file, '--data', data, '--as-of', AS_OF, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('检查通过（--dry-run，未写入）');
    expect(existsSync(path.join(data, TARGET))).toBe(false);
    await run([file, '--data', data, '--as-of', AS_OF, '--no-rectifications']);
    expect(readFileSync(path.join(data, TARGET), 'utf8')).toContain('rectifications: []\n');
    await run([file, '--data', data, '--as-of', AS_OF, '--due-days', '14', '--force']);
    expect(readFileSync(path.join(data, TARGET), 'utf8')).toContain(
      '{ account: jiaoyuju/weibo, issue: content-error, due: 2026-03-30, resolved: null }',
    );
  });

  it('never overwrites an existing record without --force', async () => {
    const { data, file } = setup(SHEET, 'sheet.csv', { [TARGET]: 'date: 2026-03-16\ninspector: xinxi-zhongxin\nchecks: []\n' });
    const refused = await run([file, '--data', data, '--as-of', AS_OF, '--date', '2026-03-16']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('data/inspections/2026/2026-03-16.yaml 已存在：不会覆盖已有的巡查记录。确认要替换时请加 --force');
    expect(readFileSync(path.join(data, TARGET), 'utf8')).toBe('date: 2026-03-16\ninspector: xinxi-zhongxin\nchecks: []\n');
    const forced = await run([file, '--data', data, '--as-of', AS_OF, '--date', '2026-03-16', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(data, TARGET), 'utf8')).toContain('# 由 sheet.csv 导入');
  });

  it('--dry-run checks a week that already exists: reports the sheet, writes nothing', async () => {
    const existing = 'date: 2026-03-16\ninspector: xinxi-zhongxin\nchecks: []\n';
    const { data, file } = setup(SHEET, 'sheet.csv', { [TARGET]: existing });
    const dry = await run([file, '--data', data, '--as-of', AS_OF, '--date', '2026-03-16', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      '检查通过（--dry-run，未写入）：data/inspections/2026/2026-03-16.yaml，巡查账号 5 个，发现问题账号 3 个，提出整改 4 项（巡查表编码 UTF-8）；data/inspections/2026/2026-03-16.yaml 已存在，导入时须加 --force 才会替换它',
    );
    expect(readFileSync(path.join(data, TARGET), 'utf8')).toBe(existing);
    const bad = path.join(path.dirname(data), 'bad.csv');
    writeFileSync(bad, `${SHEET.split('\n').slice(0, 3).join('\n')}\nno-such/account,,2026-03-15,,\n`);
    const problems = await run([bad, '--data', data, '--as-of', AS_OF, '--date', '2026-03-16', '--dry-run']);
    expect(problems.code).toBe(1);
    expect(problems.stderr).toContain('第 4 行');
    expect(readFileSync(path.join(data, TARGET), 'utf8')).toBe(existing);
  });
});

describe('bad rows: every one reported with its row number, nothing written', () => {
  it('unknown, ambiguous and former accounts, bad and future dates, unknown findings, duplicates, personal data', async () => {
    const sheet = [
      '账号,平台,最近更新日期,问题,备注',
      'jiaoyuju/toutiao,,2026-03-15,,',
      '东乡教育,,2026-03-15,,',
      '东乡县教育局,,2026-03-15,,',
      'jiaoyuju/wechat,,2026/13/01,,',
      'jiaoyuju/weibo,,2026-03-20,,',
      'jiaoyuju/douyin,,2026-03-10,更新慢,',
      'dxjy2018,微信公众号,2026-03-15,,',
      'suonan-zhen/wechat,,46096,,',
      'suonan-zhen/douyin,,2026-03-15,,联系人 13912345678',
      ',,2026-03-15,,',
      'suonan_ks,快手号,2026-03-15,,',
    ].join('\n');
    const { data, file } = setup(iconv.encode(sheet, 'gbk'), 'sheet.csv', {
      'units/jiaoyuju/accounts/wechat.yaml': (t) =>
        `${t}  - { type: changed, date: 2026-03-10, filed: 2026-03-11, previous_name: 东乡县教育局 }\n`,
    });
    const before = readdirSync(path.join(data, 'inspections', '2026')).sort();
    const result = await run([file, '--data', data, '--as-of', AS_OF, '--date', AS_OF]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatchInlineSnapshot(`
      "sheet.csv（GBK）有 11 处错误，没有写入任何文件：
        第 2 行：找不到账号「jiaoyuju/toutiao」：请填写账号编号（单位编号/账号文件名，例如 jiaoyuju/wechat），或账号链接、平台上的账号名称、账号 ID
        第 3 行：「东乡教育」对应多个账号：jiaoyuju/douyin（抖音）、jiaoyuju/wechat（微信公众号）、jiaoyuju/weibo（新浪微博）。请改填账号编号，或加“平台”一列区分
        第 4 行：「东乡县教育局」是账号 jiaoyuju/wechat（现名「东乡教育」）以前的名称或账号 ID，请改用现在的名称或账号编号
        第 5 行：最近更新日期「2026/13/01」不是有效日期：请写成 2026-03-16 这样的格式；从未更新写“无”
        第 6 行：最近更新日期 2026-03-20 晚于巡查日期 2026-03-16
        第 7 行：问题「更新慢」不认识：可填 更新不及时（stale）、无法访问（unreachable）、互动功能缺失（no-interaction）、内容错误（content-error）、未认证（unverified）、名称不符（name-mismatch）、被仿冒（impersonated），多个用逗号或顿号分隔；没有问题留空或写“无”
        第 8 行：与第 5 行是同一个账号 jiaoyuju/wechat：每个账号只记一行
        第 9 行：最近更新日期「46096」是 Excel 的日期序号：请把该列设置为“日期”格式后重新保存
        第 10 行：备注中有手机号码 139****5678：巡查记录是公开的，请删除
        第 11 行：“账号”为空
        第 12 行：平台「快手号」不在平台目录中（可写 微信公众号、微信视频号、微信小程序、新浪微博、抖音、快手、今日头条、哔哩哔哩、小红书、移动客户端）
      "
    `);
    expect(readdirSync(path.join(data, 'inspections', '2026')).sort()).toEqual(before);
  });

  it('a sheet without the three columns is refused', async () => {
    const { data, file } = setup('账号,日期\njiaoyuju/wechat,2026-03-15\n');
    const result = await run([file, '--data', data, '--as-of', AS_OF]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('第 1 行：找不到表头：表中须有“账号”“最近更新日期”“问题”三列');
    expect(existsSync(path.join(data, TARGET))).toBe(false);
  });

  it.each([
    [['--as-of', AS_OF], '请给出巡查表文件'],
    [['a.csv', 'b.csv', '--as-of', AS_OF], '只能导入一个文件'],
    [['/nonexistent/sheet.csv', '--as-of', AS_OF], '无法读取'],
    [['x.csv', '--date', '2026-02-30', '--as-of', AS_OF], '--date 须为有效日期'],
  ])('2 on usage problems: %j', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('2 for an inspection day after today', async () => {
    const { data, file } = setup(SHEET);
    const result = await run([file, '--data', data, '--as-of', AS_OF, '--date', '2026-03-17']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('巡查日期 2026-03-17 晚于今天（2026-03-16）');
  });
});

describe('the 双向核验 column (two-way proof)', () => {
  const PROOF_SHEET = [
    '账号,最近更新日期,问题,双向核验',
    'jiaoyuju/wechat,2026-03-15,,是',
    '622926-2026-0001,2026-03-14,,已改动',
    'suonan-zhen/wechat,2026-03-13,,',
    'jiaoyuju/douyin,2026-03-12,,否',
  ].join('\n');
  const numbered = (text: string) => text.replace(/^handle: .*$/m, (line) => `${line}\nfiling_number: 622926-2026-0001`);
  const changes: Changes = {
    'units/jiaoyuju/accounts/weibo.yaml': numbered,
    'filing-numbers.yaml': 'numbers:\n  - { number: 622926-2026-0001, account: jiaoyuju/weibo }\n',
  };

  it('records ok, missing and changed per account (an account may be named by its filing number), and the record validates', async () => {
    const { data, file } = setup(PROOF_SHEET, '巡查表2026-03-16.csv', changes);
    const result = await run([file, '--data', data, '--as-of', AS_OF, '--no-rectifications']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 个账号上的备案编号（jiaoyuju/douyin：未标明）（jiaoyuju/weibo：已改动）');
    const record = readFileSync(path.join(data, TARGET), 'utf8');
    expect(record).toContain('  - { account: jiaoyuju/wechat, last_post: 2026-03-15, findings: [], proof: ok }\n');
    expect(record).toContain('  - { account: jiaoyuju/weibo, last_post: 2026-03-14, findings: [], proof: changed }\n');
    expect(record).toContain('  - { account: jiaoyuju/douyin, last_post: 2026-03-12, findings: [], proof: missing }\n');
    expect(record).toContain('  - { account: suonan-zhen/wechat, last_post: 2026-03-13, findings: [] }\n');
    const loaded = loadRegistry(data, { asOf: AS_OF });
    expect(loaded.problems.filter((p) => p.file.endsWith(TARGET) && p.severity === 'error')).toEqual([]);
    expect(loaded.registry!.inspections.at(-1)!.checks.find((c) => c.account === 'jiaoyuju/wechat')!.proof).toBe('ok');
  });

  it('reports a cell that is not a result, with its row', async () => {
    const { data, file } = setup(PROOF_SHEET.replace(',是', ',也许'), '巡查表2026-03-16.csv', changes);
    const result = await run([file, '--data', data, '--as-of', AS_OF]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('第 2 行：双向核验「也许」不认识');
    expect(existsSync(path.join(data, TARGET))).toBe(false);
  });

  it('reads the words clerks write', () => {
    expect(['是', 'OK', '√', '已标明'].map(parseProofCell)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(['否', '未标明', '×', 'missing'].map(parseProofCell)).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect(['已改动', '不一致', 'changed'].map(parseProofCell)).toEqual(['changed', 'changed', 'changed']);
    expect(['', ' ', '-', '未核对'].map(parseProofCell)).toEqual([undefined, undefined, undefined, undefined]);
    expect(parseProofCell('也许')).toBeNull();
  });
});

describe('cells as clerks and Excel write them', () => {
  it('dates', () => {
    expect(
      ['2026-03-05', '2026/3/5', '2026.3.5', '2026年3月5日', '20260305', '2026/3/5 0:00', '２０２６－０３－０５'].map(parseSheetDate),
    ).toEqual(Array(7).fill('2026-03-05'));
    expect(['2026-02-30', '3/5/2026', '46096', 'abc'].map(parseSheetDate)).toEqual([undefined, undefined, undefined, undefined]);
  });
  it('findings by code, Chinese name or common wording; none', () => {
    expect(parseFindings('更新不及时，unreachable、 内容错误;无法访问')).toEqual({
      findings: ['stale', 'unreachable', 'content-error'],
      unknown: [],
    });
    expect(parseFindings('无')).toEqual({ findings: [], unknown: [] });
    expect(parseFindings('错别字 仿冒 很差')).toEqual({ findings: ['content-error', 'impersonated'], unknown: ['很差'] });
  });
  it('encodings: UTF-8, UTF-8 with BOM, GBK, UTF-16 (Excel “Unicode text”)', () => {
    const text = '账号,问题\n东乡教育,无';
    expect(decodeSheet(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeSheet(Buffer.from(`\uFEFF${text}`))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeSheet(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gbk' });
    expect(decodeSheet(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toEqual({ text, encoding: 'utf-16le' });
  });
  it('dates in file names', () => {
    expect([
      dateFromFileName('巡查表2026-03-16.csv'),
      dateFromFileName('/x/20260316巡查.csv'),
      dateFromFileName('巡查表.csv'),
      dateFromFileName('2026-02-30.csv'),
    ]).toEqual(['2026-03-16', '2026-03-16', undefined, undefined]);
  });
});
