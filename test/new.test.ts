/**
 * `npm run new`: the scaffolder, scripted through flags (every command, every kind of invalid
 * answer) and interactive through @clack/prompts on injected streams (one full account).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runNew, type NewIo } from '../src/cli/new.ts';
import { findSchemaDir, formatDataText } from '../src/lib/format/canonical.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { unitChoices } from '../src/cli/new/common.ts';
import { rankChoices } from '../src/cli/new/search-prompt.ts';
import { AS_OF, makeFixture, REPO } from './helpers/fixture.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function io(cwd: string, extra: Partial<NewIo> = {}): NewIo & { out: () => Run } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: {},
    cwd,
    isTTY: false,
    input: new PassThrough(),
    output: new PassThrough(),
    interactive: false,
    ...extra,
    out: () => ({ code: -1, stdout, stderr }),
  };
}

/** Runs the scaffolder without a terminal on a fixture data dir. */
async function scripted(dir: string, argv: string[]): Promise<Run> {
  const x = io(path.dirname(dir));
  const code = await runNew([...argv, '--data', dir, '--as-of', AS_OF], x);
  return { ...x.out(), code };
}

/** Problems of one file after loading the registry. */
function problemsOf(dir: string, rel: string) {
  const result = loadRegistry(dir, { asOf: AS_OF });
  return result.problems.filter((p) => p.file === `data/${rel}`);
}

function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}

/** Whether a written file is already in the canonical format. */
function isCanonical(dir: string, rel: string): boolean {
  const text = read(dir, rel);
  const kind =
    rel === 'filing-numbers.yaml'
      ? 'filing-numbers'
      : rel.startsWith('impostors/')
        ? 'impostor'
        : rel.endsWith('unit.yaml')
          ? 'unit'
          : 'account';
  const result = formatDataText(text, kind, {
    rel,
    abs: path.join(dir, rel),
    schemaDir: findSchemaDir(dir),
  });
  return result.ok && result.text === text;
}

const ACCOUNT = [
  'account',
  '--unit',
  'jiaoyuju',
  '--platform',
  'kuaishou',
  '--name',
  '东乡教育快手',
  '--handle',
  'dxjy_ks',
  '--url',
  'https://www.kuaishou.com/profile/3xdxjyks2026',
  '--purpose',
  '发布教育资讯短视频',
  '--date',
  '2026-11-20',
  '--filed',
  '2026-11-24',
];

describe('account (scripted)', () => {
  it('writes a canonical, commented account file that validates', async () => {
    const dir = makeFixture();
    const result = await scripted(dir, ACCOUNT);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('已写入 data/units/jiaoyuju/accounts/kuaishou.yaml');
    expect(result.stdout).toContain('校验通过');
    const rel = 'units/jiaoyuju/accounts/kuaishou.yaml';
    expect(read(dir, rel)).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../../../schemas/account.schema.json
      # 东乡族自治县教育局 · 快手账号“东乡教育快手”，由 npm run new -- account 生成。
      # 以后变更、关停、恢复、注销：运行 npm run new -- event，或在 events 末尾按日期追加一行。
      # 字段：name 账号名称 · platform 平台 · handle 账号 ID · identifiers 其他标识 · url 账号链接 ·
      #       verified_as 认证主体 · purpose 功能定位 · operation 运维方式 · events 备案事项 · waiver 例外批准
      name: 东乡教育快手
      platform: kuaishou
      handle: dxjy_ks
      identifiers: []
      filing_number: 622926-2026-0001
      url: https://www.kuaishou.com/profile/3xdxjyks2026
      verified_as: 东乡族自治县教育局
      purpose: 发布教育资讯短视频
      operation: self
      events:
        - { type: opened, date: 2026-11-20, filed: 2026-11-24 }
      waiver: null
      "
    `);
    expect(problemsOf(dir, rel)).toEqual([]);
    expect(isCanonical(dir, rel)).toBe(true);
    expect(result.stdout).toContain(
      '备案编号 622926-2026-0001 已写入 data/units/jiaoyuju/accounts/kuaishou.yaml 和 data/filing-numbers.yaml',
    );
    expect(read(dir, 'filing-numbers.yaml')).toContain('  - { number: 622926-2026-0001, account: jiaoyuju/kuaishou }\n');
    expect(isCanonical(dir, 'filing-numbers.yaml')).toBe(true);
    const account = loadRegistry(dir, { asOf: AS_OF }).registry!.accountById.get('jiaoyuju/kuaishou')!;
    expect(account).toMatchObject({ status: 'active', opened: '2026-11-20', handle: 'dxjy_ks' });
  });

  it('quotes an all-digit handle, takes repeated identifiers, and records an outsourced operator', async () => {
    const dir = makeFixture();
    const result = await scripted(dir, [
      'account',
      '--unit',
      'suonan-zhen',
      '--platform',
      'weibo',
      '--name',
      '锁南镇微博',
      '--handle',
      '5987654321',
      '--url',
      'https://m.weibo.cn/u/5987654321',
      '--identifier',
      'suonanzhen',
      '--identifier',
      'https://weibo.com/suonanzhen',
      '--verified-as',
      '东乡族自治县锁南镇人民政府',
      '--purpose',
      '发布镇务信息',
      '--operation',
      'outsourced',
      '--operator',
      '示例传媒有限公司',
      '--date',
      '2026-11-23',
      '--note',
      '由宣传办负责审核',
    ]);
    expect(result.code).toBe(0);
    const text = read(dir, 'units/suonan-zhen/accounts/weibo.yaml');
    expect(text).toContain('handle: "5987654321"\n');
    expect(parse(text)).toMatchObject({
      identifiers: ['suonanzhen', 'https://weibo.com/suonanzhen'],
      operation: 'outsourced',
      operator: '示例传媒有限公司',
      events: [{ type: 'opened', date: '2026-11-23', filed: AS_OF }],
      note: '由宣传办负责审核',
    });
    expect(problemsOf(dir, 'units/suonan-zhen/accounts/weibo.yaml').filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('explains every invalid answer with the validator’s message, and writes nothing', async () => {
    const dir = makeFixture();
    const result = await scripted(dir, [
      'account',
      '--unit',
      'jiaoyuju',
      '--platform',
      'kuaishou',
      '--name',
      '东乡教育\u200b快手',
      '--handle',
      'a b',
      '--url',
      'https://www.douyin.com/user/x',
      '--purpose',
      '咨询电话 13912345678',
      '--date',
      '2026-11-30',
      '--filed',
      '2026-11-2',
    ]);
    expect(result.code).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('错误：'));
    expect(errors).toMatchInlineSnapshot(`
      [
        "错误：--name：name（账号名称）的第 5 个字符是看不见的 U+200B（零宽空格）。仿冒账号常用这类字符冒充官方名称，请删除它（可整段重新输入）。",
        "错误：--handle：handle（账号 ID）「a b」中不能有空格或换行。",
        "错误：--url：链接的域名 www.douyin.com 不属于快手（应为 kuaishou.com、www.kuaishou.com、v.kuaishou.com、live.kuaishou.com 之一）：请核对平台和链接。",
        "错误：--purpose：这里有手机号码 139****5678。名录是公开的，不得出现个人手机号：改为单位办公电话（带区号的座机）。",
        "错误：--date：date（开设日期）「2026-11-30」晚于今天（2026-11-28）：已发生的事项不能写将来的日期，检查年份和月份。",
        "错误：--filed：filed（备案日期）「2026-11-2」不是有效日期。日期须写成 YYYY-MM-DD（月、日不足两位补 0），应写为 2026-11-02。",
      ]
    `);
    expect(existsSync(path.join(dir, 'units/jiaoyuju/accounts/kuaishou.yaml'))).toBe(false);
  });

  it('checks the handle against the platform pattern and against every registered account and impostor', async () => {
    const dir = makeFixture();
    const pattern = await scripted(dir, [...ACCOUNT.slice(0, 7), '--handle', '东乡', ...ACCOUNT.slice(9)]);
    expect(pattern.stderr).toContain('快手号「东乡」格式不对：2–30 位字母、数字或下划线');
    const taken = await scripted(dir, [...ACCOUNT.slice(0, 7), '--handle', 'suonan_ks', ...ACCOUNT.slice(9)]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(
      '快手号「suonan_ks」已被账号 suonan-zhen/kuaishou（锁南镇） 使用（data/units/suonan-zhen/accounts/kuaishou.yaml 第 3 行）',
    );
    const sameUrl = await scripted(
      dir,
      [...ACCOUNT.slice(0, 9), '--url', 'https://m.weibo.cn/u/5123456789', ...ACCOUNT.slice(11)].map((a) =>
        a === 'kuaishou' ? 'weibo' : a,
      ),
    );
    expect(sameUrl.stderr).toContain('账号链接「https://m.weibo.cn/u/5123456789」已被账号 jiaoyuju/weibo（东乡教育）');
  });

  it('refuses an unknown unit or platform, and lists the flags a script forgot', async () => {
    const dir = makeFixture();
    const unknown = await scripted(dir, ['account', '--unit', 'nosuch', '--platform', 'myspace']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('错误：--unit：「nosuch」不是可选项');
    expect(unknown.stderr).toContain('错误：--platform：「myspace」不是可选项：wechat（微信公众号）、channels（微信视频号）');
    const missing = await scripted(dir, ['account', '--unit', 'jiaoyuju', '--platform', 'kuaishou']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('错误：--url：快手账号须填写公开链接，例如 https://www.kuaishou.com/profile/');
    expect(missing.stderr).toContain('缺少以下选项');
    expect(missing.stderr.match(/^ {2}--\S+/gm)).toEqual(['  --name', '  --handle', '  --purpose', '  --date']);
    const onlyMissing = await scripted(dir, ['account', '--unit', 'jiaoyuju', '--platform', 'channels']);
    expect(onlyMissing.code).toBe(2);
  });

  it('needs a recorded approval for a second account on one platform', async () => {
    const dir = makeFixture();
    const second = [
      'account',
      '--unit',
      'jiaoyuju',
      '--platform',
      'wechat',
      '--name',
      '东乡教育服务',
      '--handle',
      'dxjy_fw',
      '--url',
      'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzkzNjU1NDQ2Ng==',
      '--purpose',
      '招生报名服务',
      '--date',
      '2026-11-20',
    ];
    const refused = await scripted(dir, second);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--waiver-reason    本单位在微信公众号上已有账号 jiaoyuju/wechat（东乡教育）');
    const approved = await scripted(dir, [...second, '--waiver-reason', '服务号用于在线办事', '--waiver-on', '2026-11-10']);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('data/units/jiaoyuju/accounts/wechat-2.yaml');
    expect(parse(read(dir, 'units/jiaoyuju/accounts/wechat-2.yaml')).waiver).toEqual({
      reason: '服务号用于在线办事',
      approved_by: '测试县人民政府办公室',
      approved_on: '2026-11-10',
    });
    expect(problemsOf(dir, 'units/jiaoyuju/accounts/wechat-2.yaml').filter((p) => p.rule === 'one-account-per-platform')).toEqual([]);
  });

  it('never overwrites an existing file', async () => {
    const dir = makeFixture();
    const before = read(dir, 'units/jiaoyuju/accounts/douyin.yaml');
    const result = await scripted(dir, [...ACCOUNT, '--slug', 'douyin']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('data/units/jiaoyuju/accounts/douyin.yaml 已存在：不会覆盖已有文件');
    expect(read(dir, 'units/jiaoyuju/accounts/douyin.yaml')).toBe(before);
  });

  it('--dry-run prints the file and writes nothing', async () => {
    const dir = makeFixture();
    const result = await scripted(dir, [...ACCOUNT, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(result.stdout).toContain('\nname: 东乡教育快手\n');
    expect(existsSync(path.join(dir, 'units/jiaoyuju/accounts/kuaishou.yaml'))).toBe(false);
  });
});

describe('event (scripted)', () => {
  const WECHAT = 'units/jiaoyuju/accounts/wechat.yaml';
  /** The fixture with comments in the account file the events go to. */
  const commented = () =>
    makeFixture({
      [WECHAT]: (t) => `# 县教育局主账号\n${t.replace('operation: self\n', 'operation: self   # 自行运维\n')}`,
    });

  it('files a rename: new name in place, previous name in the event, comments kept', async () => {
    const dir = commented();
    const result = await scripted(dir, [
      'event',
      '--account',
      'jiaoyuju/wechat',
      '--type',
      'changed',
      '--date',
      '2026-11-24',
      '--name',
      '东乡教育发布',
      '--note',
      '统一名称',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('变更：东乡教育（jiaoyuju/wechat）：名称「东乡教育」→「东乡教育发布」');
    const text = read(dir, WECHAT);
    expect(text).toContain('# 县教育局主账号\nname: 东乡教育发布\n');
    expect(text).toContain('operation: self  # 自行运维\n');
    expect(text).toContain(
      '  - { type: changed, date: 2026-06-03, filed: 2026-06-05, previous_name: 东乡县教育局 }\n  - { type: changed, date: 2026-11-24, filed: 2026-11-28, previous_name: 东乡教育, note: 统一名称 }\n',
    );
    const account = loadRegistry(dir, { asOf: AS_OF }).registry!.accountById.get('jiaoyuju/wechat')!;
    expect(account.formerNames.map((f) => f.value)).toEqual(['东乡县教育局', '东乡教育']);
    expect(problemsOf(dir, WECHAT).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('files a suspension with its notice, then a resumption, then a deregistration with a successor', async () => {
    const dir = makeFixture();
    const steps = [
      ['--type', 'suspended', '--date', '2026-11-02', '--filed', '2026-11-03', '--notice-url', 'https://mp.weixin.qq.com/s/notice1'],
      ['--type', 'resumed', '--date', '2026-11-09', '--filed', '2026-11-10'],
      [
        '--type',
        '注销',
        '--date',
        '2026-11-23',
        '--filed',
        '2026-11-24',
        '--notice-url',
        'https://mp.weixin.qq.com/s/notice2',
        '--successor',
        'jiaoyuju/wechat',
      ],
    ];
    for (const step of steps) expect((await scripted(dir, ['event', '--account', 'jiaoyuju/douyin', ...step])).code).toBe(0);
    const account = loadRegistry(dir, { asOf: AS_OF }).registry!.accountById.get('jiaoyuju/douyin')!;
    expect(account.events.map((e) => e.type)).toEqual(['opened', 'suspended', 'resumed', 'deregistered']);
    expect(account).toMatchObject({
      status: 'deregistered',
      closed: '2026-11-23',
      closureNotice: 'https://mp.weixin.qq.com/s/notice2',
      successor: 'jiaoyuju/wechat',
    });
    expect(problemsOf(dir, 'units/jiaoyuju/accounts/douyin.yaml').filter((p) => p.severity === 'error')).toEqual([]);
    // Nothing may follow a deregistration.
    const after = await scripted(dir, ['event', '--account', 'jiaoyuju/douyin', '--type', 'resumed', '--date', '2026-11-25']);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('账号 jiaoyuju/douyin 已注销，不能再追加事项');
  });

  it('warns about a closure without a notice, and refuses events the status does not allow or dated before the last one', async () => {
    const dir = makeFixture();
    const noNotice = await scripted(dir, ['event', '--account', 'jiaoyuju/douyin', '--type', 'suspended', '--date', '2026-11-20']);
    expect(noNotice.code).toBe(0);
    expect(noNotice.stdout).toContain('[closure-notice-missing]');
    const wrong = await scripted(dir, [
      'event',
      '--account',
      'jiaoyuju/douyin',
      '--type',
      'changed',
      '--date',
      '2026-11-21',
      '--name',
      '新名称',
    ]);
    expect(wrong.stderr).toContain('错误：--type：「changed」不是可选项：resumed（恢复）、deregistered（注销）');
    const early = await scripted(dir, ['event', '--account', 'jiaoyuju/douyin', '--type', 'resumed', '--date', '2026-11-19']);
    expect(early.stderr).toContain('date（发生日期）「2026-11-19」早于上一项备案事项（2026-11-20）');
    const nothing = await scripted(dir, ['event', '--account', 'jiaoyuju/wechat', '--type', 'changed', '--date', '2026-11-21']);
    expect(nothing).toMatchObject({ code: 1 });
    expect(nothing.stderr).toContain('变更事项至少要改一项');
  });
});

describe('unit and impostor (scripted)', () => {
  it('adds a unit and brings CODEOWNERS up to date', async () => {
    const dir = makeFixture({ 'units/xinxi-zhongxin/unit.yaml': (t) => `${t}maintainers: ["@dongxiang/office"]\n` });
    const codeowners = path.join(path.dirname(dir), '.github', 'CODEOWNERS');
    mkdirSync(path.dirname(codeowners), { recursive: true });
    writeFileSync(codeowners, '# old\n');
    const result = await scripted(dir, [
      'unit',
      '--id',
      'tongjiju',
      '--name',
      '东乡族自治县统计局',
      '--short-name',
      '县统计局',
      '--kind',
      'county-department',
      '--phone',
      '0930-7125555',
      '--maintainer',
      '@dongxiang/tongjiju',
    ]);
    expect(result.code).toBe(0);
    expect(parse(read(dir, 'units/tongjiju/unit.yaml'))).toEqual({
      id: 'tongjiju',
      name: '东乡族自治县统计局',
      short_name: '县统计局',
      aliases: [],
      kind: 'county-department',
      parent: null,
      contact: { phone: '0930-7125555' },
      maintainers: ['@dongxiang/tongjiju'],
    });
    expect(isCanonical(dir, 'units/tongjiju/unit.yaml')).toBe(true);
    expect(readFileSync(codeowners, 'utf8')).toContain('/data/units/tongjiju/  ');
    const mobile = await scripted(dir, ['unit', '--id', 'x', '--name', '测试单位', '--kind', 'other', '--phone', '139-1234-5678']);
    expect(mobile.stderr).toContain('手机号码');
    const existing = await scripted(dir, ['unit', '--id', 'jiaoyuju', '--name', '东乡族自治县教育局', '--kind', 'other']);
    expect(existing.stderr).toContain('data/units/jiaoyuju/ 已存在');
    expect(existing.stderr).toContain('已有单位 jiaoyuju（东乡族自治县教育局）使用这个名称');
  });

  it('records an impostor, and refuses one that is a registered official account', async () => {
    const dir = makeFixture();
    const result = await scripted(dir, [
      'impostor',
      '--platform',
      'douyin',
      '--name',
      '东乡教育官方号',
      '--handle',
      'dxjy.gf',
      '--imitates',
      'jiaoyuju/douyin',
      '--found',
      '2026-11-26',
      '--reported',
      '2026-11-27',
    ]);
    expect(result.code).toBe(0);
    expect(parse(read(dir, 'impostors/douyin-dxjy-gf.yaml'))).toEqual({
      platform: 'douyin',
      name: '东乡教育官方号',
      handle: 'dxjy.gf',
      url: null,
      imitates: 'jiaoyuju/douyin',
      found: '2026-11-26',
      reported: '2026-11-27',
      removed: null,
      source: 'public-report',
    });
    expect(loadRegistry(dir, { asOf: AS_OF }).registry!.impostors.map((i) => i.id)).toContain('douyin-dxjy-gf');
    const official = await scripted(dir, [
      'impostor',
      '--platform',
      'douyin',
      '--name',
      '东乡教育',
      '--handle',
      'dxjy_video',
      '--imitates',
      'jiaoyuju',
    ]);
    expect(official.code).toBe(1);
    expect(official.stderr).toContain(
      '抖音号「dxjy_video」与官方账号 jiaoyuju/douyin（东乡教育） 相同（data/units/jiaoyuju/accounts/douyin.yaml 第 3 行）',
    );
    const nothing = await scripted(dir, ['impostor', '--platform', 'douyin', '--name', '某某', '--imitates', 'jiaoyuju']);
    expect(nothing.stderr).toContain('handle（账号 ID）和 url（链接）至少要填一个');
    const order = await scripted(dir, [
      'impostor',
      '--platform',
      'douyin',
      '--name',
      '某某',
      '--handle',
      'mm_1',
      '--imitates',
      'jiaoyuju',
      '--found',
      '2026-11-20',
      '--reported',
      '2026-11-19',
    ]);
    expect(order.stderr).toContain('早于发现日期（2026-11-20）');
  });
});

describe('usage', () => {
  it('exits 2 for an unknown command or flag, and prints help', async () => {
    const dir = makeFixture();
    expect((await scripted(dir, ['nothing'])).code).toBe(2);
    expect((await scripted(dir, ['account', '--bogus', 'x'])).code).toBe(2);
    expect((await scripted(dir, [])).code).toBe(2);
    const help = await scripted(dir, ['event', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--notice-url');
    expect(help.stdout).toContain('--account');
  });
});

/**
 * Drives an interactive session: waits until the screen shows each step's text, then types its
 * keys. Returns the exit code and the screen.
 */
async function interactive(
  dir: string,
  argv: string[],
  steps: [string, string][],
): Promise<{ code: number; screen: string; typed: number }> {
  const input = new PassThrough();
  let screen = '';
  let step = 0;
  let mark = 0;
  const poke = () => {
    const next = steps[step];
    if (!next) return;
    const at = screen.indexOf(next[0], mark);
    if (at === -1) return;
    mark = at + next[0].length;
    step++;
    setTimeout(() => input.write(next[1]), 5);
  };
  const output = new Writable({
    write(chunk, _encoding, callback) {
      screen += chunk.toString();
      poke();
      callback();
    },
  });
  Object.assign(output, { columns: 160, rows: 60, isTTY: true });
  const x = io(path.dirname(dir), { input, output, interactive: true });
  const code = await runNew([...argv, '--data', dir, '--as-of', AS_OF], x);
  return { code, screen: screen + x.out().stdout + x.out().stderr, typed: step };
}

describe('account (interactive, through the prompts)', () => {
  const BACKSPACE = '\x7f';
  const DOWN = '\x1b[B';

  it('asks every question in Chinese, rejects a bad answer on the spot, previews and writes the file', async () => {
    const dir = makeFixture();
    const { code, screen, typed } = await interactive(
      dir,
      ['account'],
      [
        ['开设账号的单位', '教育局'],
        ['东乡族自治县教育局', '\r'],
        ['平台', `${DOWN.repeat(5)}\r`],
        ['账号文件名', '\r'],
        ['账号名称', '东乡教育快手\r'],
        ['快手号', 'a b\r'],
        ['不能有空格', `${BACKSPACE.repeat(3)}dxjy_ks\r`],
        ['账号主页链接', 'https://www.kuaishou.com/profile/3xdxjyks2026\r'],
        ['其他标识', '\r'],
        ['认证主体', '\r'],
        ['功能定位', '发布教育资讯短视频\r'],
        ['运维方式', '\r'],
        ['开设日期', `${BACKSPACE.repeat(10)}2026-11-20\r`],
        ['备案日期', `${BACKSPACE.repeat(10)}2026-11-24\r`],
        ['备注', '\r'],
        ['写入 data/units/jiaoyuju/accounts/kuaishou.yaml', '\r'],
      ],
    );
    expect(typed).toBe(16);
    expect(code).toBe(0);
    expect(screen).toContain('政务新媒体名录 · 备案新开设的账号');
    expect(screen).toContain('handle（账号 ID）「a b」中不能有空格或换行。');
    expect(screen).toContain('校验通过');
    const rel = 'units/jiaoyuju/accounts/kuaishou.yaml';
    const scriptedDir = makeFixture();
    await scripted(scriptedDir, ACCOUNT);
    // The same answers give the same file, by prompts or by flags.
    expect(read(dir, rel)).toBe(read(scriptedDir, rel));
    expect(problemsOf(dir, rel)).toEqual([]);
  });

  it('cancelling writes nothing and exits 130', async () => {
    const dir = makeFixture();
    const { code } = await interactive(dir, ['account'], [['开设账号的单位', '\x03']]);
    expect(code).toBe(130);
    expect(existsSync(path.join(dir, 'units/jiaoyuju/accounts/kuaishou.yaml'))).toBe(false);
  });
});

describe('prompts a clerk cannot misuse', () => {
  const SAMPLE = path.join(REPO, 'data');
  const plain = (screen: string) => screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  const ENGLISH = /Search:|match(es)?\b|to select|to navigate|Enter:|Type:|No matches|Yes\b|No\b/;
  const SPINNER = /[◒◐◓◑]/;

  it('ranks the exact short name and the unit itself before its sub-units', () => {
    const registry = loadRegistry(SAMPLE, { asOf: AS_OF }).registry!;
    const env = { registry } as Parameters<typeof unitChoices>[0];
    const choices = unitChoices(env);
    expect(
      rankChoices(choices, '锁南镇')
        .slice(0, 3)
        .map((c) => c.value),
    ).toEqual(['suonan-zhen', 'bashuchi-cun', 'chengnan-shequ']);
    expect(rankChoices(choices, '巴苏池村')[0]!.value).toBe('bashuchi-cun');
    expect(rankChoices(choices, 'SUONAN-ZHEN')[0]!.value).toBe('suonan-zhen');
    expect(rankChoices(choices, '教育局')[0]!.value).toBe('jiaoyuju');
    expect(rankChoices(choices, '不存在的单位')).toEqual([]);
    expect(rankChoices(choices, '  ')).toHaveLength(choices.length);
  });

  it('Enter on the untouched list picks nothing; typing 锁南镇 and Enter selects the town, in Chinese chrome', async () => {
    const dir = makeFixture({}, SAMPLE);
    const { code, screen } = await interactive(
      dir,
      ['account'],
      [
        ['开设账号的单位', '\r'],
        ['请先输入文字筛选，或用 ↑↓ 选择', '锁南镇'],
        ['3 项符合', '\r'],
        ['平台', '\x03'],
      ],
    );
    expect(code).toBe(130);
    const text = plain(screen);
    expect(text).toMatch(/◇ {2}开设账号的单位.*\n│ {2}东乡族自治县锁南镇人民政府\n/);
    expect(text).toContain('搜索：锁南镇█（3 项符合）');
    expect(text).toContain('输入文字筛选 · ↑↓ 选择 · 回车确认');
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toMatch(SPINNER);
  });

  it('date questions start empty with the example greyed: Enter files nothing', async () => {
    const dir = makeFixture();
    const { code, screen } = await interactive(
      dir,
      ['account'],
      [
        ['开设账号的单位', '教育局'],
        ['东乡族自治县教育局', '\r'],
        ['平台', `${'\x1b[B'.repeat(5)}\r`],
        ['账号文件名', '\r'],
        ['账号名称', '东乡教育快手\r'],
        ['快手号', 'dxjy_ks\r'],
        ['账号主页链接', 'https://www.kuaishou.com/profile/3xdxjyks2026\r'],
        ['其他标识', '\r'],
        ['认证主体', '\r'],
        ['功能定位', '发布教育资讯短视频\r'],
        ['运维方式', '\r'],
        ['开设日期', '\r'],
        ['不能为空', '2026-11-20\r'],
        ['备案日期', '\r'],
        ['不能为空', '\x03'],
      ],
    );
    expect(code).toBe(130);
    const text = plain(screen);
    expect(text).toContain(`例如 ${AS_OF}`);
    expect(text).not.toMatch(new RegExp(`(开设|备案)日期（YYYY-MM-DD）\\n│  ${AS_OF}`));
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toMatch(SPINNER);
  });

  it('scripts still get today as the default filing date', async () => {
    const dir = makeFixture();
    const result = await scripted(
      dir,
      ACCOUNT.filter((_, i, all) => all[i] !== '--filed' && all[i - 1] !== '--filed'),
    );
    expect(result.code).toBe(0);
    expect(read(dir, 'units/jiaoyuju/accounts/kuaishou.yaml')).toContain(`filed: ${AS_OF}`);
  });
});
