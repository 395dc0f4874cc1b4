/**
 * Filing numbers (备案编号) and two-way proof (双向核验): reading a number as people type it, the
 * deterministic numbering of `npm run number` with its append-only ledger, the `filing-number`
 * rule's messages, and the proof state the rules, the compliance summary and the site share.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNumber } from '../src/cli/number.ts';
import type { Io } from '../src/cli/validate.ts';
import { computeCompliance } from '../src/lib/compliance/engine.ts';
import { proofFact } from '../src/lib/facts/proof.ts';
import { nextAssignments, parseFilingNumber } from '../src/lib/filing-number.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { AS_OF, loadFixture, makeFixture, replace, type Changes } from './helpers/fixture.ts';

function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, cwd, isTTY: false };
  return { code: runNumber(argv, io), stdout, stderr };
}

/** The problems of one rule, as `file:line message`. */
function messages(changes: Changes, rule: string, asOf = AS_OF): string[] {
  return loadFixture(changes, asOf)
    .problems.filter((p) => p.rule === rule)
    .map((p) => `${p.file.replace(/^data\//, '')}:${p.line} ${p.message}`);
}

const LEDGER = 'filing-numbers.yaml';
const WECHAT = 'units/jiaoyuju/accounts/wechat.yaml';
const WEIBO = 'units/jiaoyuju/accounts/weibo.yaml';
const numbered = (number: string) => (text: string) => text.replace(/^handle: .*$/m, (line) => `${line}\nfiling_number: ${number}`);

describe('parseFilingNumber', () => {
  it('reads the spellings a person types', () => {
    for (const typed of [
      '622926-2026-0012',
      '６２２９２６－２０２６－００１２',
      ' 622926 2026 0012 ',
      '62292620260012',
      '622926—2026—0012',
      '622926-2026-12',
      '备案编号：622926-2026-0012',
      '政务新媒体备案编号 622926 - 2026 - 0012',
    ])
      expect(parseFilingNumber(typed), typed).toBe('622926-2026-0012');
  });

  it('refuses what is not a filing number', () => {
    for (const typed of ['622926-2026', '6229262026001', '622926-2026-00123', '东乡教育', 'gh_1a2b3c4d5e6f', '0930-7121234'])
      expect(parseFilingNumber(typed), typed).toBeNull();
  });
});

describe('nextAssignments', () => {
  const account = (id: string, filed: string, filing_number?: string) => ({
    id,
    filing_number,
    events: [{ type: 'opened' as const, date: filed, filed }],
  });

  it('numbers by opening filing day then id, each year after the highest number ever given', () => {
    const accounts = [
      account('b/x', '2026-03-01'),
      account('a/x', '2026-03-01'),
      account('c/x', '2025-12-31'),
      account('d/x', '2026-01-02', '622926-2026-0004'),
      account('e/x', '2026-01-05'),
    ];
    // 0007 was given to an account since deleted: never given again.
    const ledger = [
      { number: '622926-2026-0004', account: 'd/x' },
      { number: '622926-2026-0007', account: 'gone/x' },
    ];
    expect(nextAssignments('622926', accounts, ledger)).toEqual([
      { account: 'c/x', number: '622926-2025-0001' },
      { account: 'e/x', number: '622926-2026-0008' },
      { account: 'a/x', number: '622926-2026-0009' },
      { account: 'b/x', number: '622926-2026-0010' },
    ]);
    expect(nextAssignments('622926', [...accounts].reverse(), ledger)).toEqual(nextAssignments('622926', accounts, ledger));
    expect(nextAssignments('622926', accounts, ledger, (id) => id === 'b/x')).toEqual([{ account: 'b/x', number: '622926-2026-0008' }]);
  });

  it('stops when a year runs out of numbers', () => {
    expect(() => nextAssignments('622926', [account('a/x', '2026-03-01')], [{ number: '622926-2026-9999', account: 'z/x' }])).toThrow(
      '622926 地区 2026 年的备案编号已用完（最多 9999 个）。',
    );
  });
});

describe('npm run number', () => {
  it('numbers every account, writes the files and the ledger, and is a no-op the second time', () => {
    const dir = makeFixture();
    const cwd = path.dirname(dir);
    const dry = run(['--dry-run'], cwd);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatchInlineSnapshot(`
      "将编定 622926-2019-0001  jiaoyuju/wechat
      将编定 622926-2025-0001  suonan-zhen/wechat
      将编定 622926-2025-0002  jiaoyuju/douyin-old
      将编定 622926-2025-0003  suonan-zhen/kuaishou
      将编定 622926-2025-0004  jiaoyuju/douyin
      将编定 622926-2026-0001  jiaoyuju/weibo
      共 6 个账号（--dry-run：没有写入任何文件）。
      "
    `);
    expect(loadRegistry(dir, { asOf: AS_OF }).registry!.filingNumbers).toEqual([]);

    const done = run([], cwd);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('✔ 共 6 个账号；请提交改动的账号文件和 data/filing-numbers.yaml。');
    const loaded = loadRegistry(dir, { asOf: AS_OF });
    expect(loaded.problems).toEqual([]);
    expect(loaded.registry!.accountById.get('jiaoyuju/wechat')!.filing_number).toBe('622926-2019-0001');
    expect(loaded.registry!.accountById.get('jiaoyuju/douyin-old')).toMatchObject({
      status: 'deregistered',
      filing_number: '622926-2025-0002',
    });
    // Comments and the other values of the account file are kept.
    const wechat = readFileSync(path.join(dir, WECHAT), 'utf8');
    expect(wechat).toContain('handle: dxjy2018\nidentifiers:');
    expect(wechat).toContain('filing_number: 622926-2019-0001\nurl:');
    expect(run([], cwd).stdout).toBe('✔ 所有账号都已有备案编号。\n');
  });

  it('--account numbers one account with the next free number and appends it to the ledger', () => {
    const dir = makeFixture({
      [LEDGER]: '# 登记簿\nnumbers:\n  - { number: 622926-2026-0003, account: jiaoyuju/douyin-old }\n',
      'units/jiaoyuju/accounts/douyin-old.yaml': numbered('622926-2026-0003'),
    });
    const result = run(['--account', 'jiaoyuju/weibo'], path.dirname(dir));
    expect(result.stdout).toContain('已编定 622926-2026-0004  jiaoyuju/weibo');
    expect(readFileSync(path.join(dir, LEDGER), 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../schemas/filing-numbers.schema.json
      # 登记簿
      numbers:
        - { number: 622926-2026-0003, account: jiaoyuju/douyin-old }
        - { number: 622926-2026-0004, account: jiaoyuju/weibo }
      "
    `);
    expect(run(['--account', 'jiaoyuju/nothing'], path.dirname(dir))).toMatchObject({
      code: 2,
      stderr: '错误：账号 jiaoyuju/nothing 不存在（或其文件有错误）\n',
    });
  });

  it('follows an account file that was renamed: the ledger entry moves to the new id, the number stays', () => {
    const changes = {
      [LEDGER]: 'numbers:\n  - { number: 622926-2026-0001, account: jiaoyuju/weibo-old }\n',
      [WEIBO]: numbered('622926-2026-0001'),
    };
    expect(messages(changes, 'filing-number')).toMatchInlineSnapshot(`
      [
        "filing-numbers.yaml:2 登记簿中编号 622926-2026-0001 属于账号 jiaoyuju/weibo-old，该账号文件已不存在，编号现在在账号 jiaoyuju/weibo 中：账号文件改名或移到别的单位时编号不变，请把这里的 account 改为 jiaoyuju/weibo（npm run number 会自动改）。",
      ]
    `);
    const dir = makeFixture(changes);
    expect(run(['--account', 'jiaoyuju/weibo'], path.dirname(dir)).stdout).toContain(
      '已改记 622926-2026-0001  jiaoyuju/weibo-old → jiaoyuju/weibo（账号文件改名或移动，编号不变）',
    );
    expect(readFileSync(path.join(dir, LEDGER), 'utf8')).toContain('  - { number: 622926-2026-0001, account: jiaoyuju/weibo }\n');
    expect(loadRegistry(dir, { asOf: AS_OF }).problems.filter((p) => p.rule === 'filing-number')).toEqual([]);
  });

  it('writes a number the ledger holds back into an account file that lost it', () => {
    const dir = makeFixture({ [LEDGER]: 'numbers:\n  - { number: 622926-2026-0001, account: jiaoyuju/weibo }\n' });
    expect(run(['--account', 'jiaoyuju/weibo'], path.dirname(dir)).stdout).toContain(
      '已补写 622926-2026-0001  jiaoyuju/weibo（登记簿中已有）',
    );
    expect(loadRegistry(dir, { asOf: AS_OF }).registry!.accountById.get('jiaoyuju/weibo')!.filing_number).toBe('622926-2026-0001');
  });
});

describe('filing-number rule', () => {
  const ledger = (...entries: [string, string][]) =>
    `numbers:\n${entries.map(([n, a]) => `  - { number: ${n}, account: ${a} }\n`).join('')}`;

  it('explains a number from another region, a duplicate, one not in the ledger, one given to another account, a changed one', () => {
    expect(
      messages(
        {
          [WECHAT]: numbered('622927-2019-0001'),
          [WEIBO]: numbered('622926-2026-0001'),
          'units/jiaoyuju/accounts/douyin.yaml': numbered('622926-2026-0001'),
          'units/suonan-zhen/accounts/wechat.yaml': numbered('622926-2025-0009'),
          'units/suonan-zhen/accounts/kuaishou.yaml': numbered('622926-2025-0002'),
          [LEDGER]: ledger(
            ['622926-2026-0001', 'jiaoyuju/douyin'],
            ['622926-2025-0002', 'jiaoyuju/douyin-old'],
            ['622926-2025-0003', 'suonan-zhen/kuaishou'],
          ),
        },
        'filing-number',
      ),
    ).toMatchInlineSnapshot(`
      [
        "filing-numbers.yaml:3 登记簿中编号 622926-2025-0002 属于账号 jiaoyuju/douyin-old，但该账号文件没有填写 filing_number：运行 npm run number 补上（或手工填写 filing_number: 622926-2025-0002）。",
        "units/jiaoyuju/accounts/wechat.yaml:4 备案编号 622927-2019-0001 的地区代码不是本名录的 622926（测试县）：编号由 npm run number 编定，不要手工填写别的地区代码。",
        "units/jiaoyuju/accounts/weibo.yaml:4 备案编号 622926-2026-0001 已是账号 jiaoyuju/douyin 的编号（data/units/jiaoyuju/accounts/douyin.yaml 第 4 行）：一个编号只属于一个账号，删除本行后运行 npm run number 编定新编号。",
        "units/suonan-zhen/accounts/kuaishou.yaml:4 本账号在登记簿中的备案编号是 622926-2025-0003，这里写的是 622926-2025-0002：备案编号一经编定永不改变，请改回 622926-2025-0003。",
        "units/suonan-zhen/accounts/wechat.yaml:4 备案编号 622926-2025-0009 不在备案编号登记簿 data/filing-numbers.yaml 中：编号须由 npm run number 编定（删除本行后运行该命令），不能手工填写。",
      ]
    `);
  });

  it('explains the ledger: a number twice, an account twice, a missing account, an account without its number', () => {
    expect(
      messages(
        {
          [LEDGER]: ledger(
            ['622926-2026-0001', 'jiaoyuju/weibo'],
            ['622926-2026-0001', 'jiaoyuju/douyin'],
            ['622926-2026-0002', 'jiaoyuju/weibo'],
            ['622926-2026-0003', 'jiaoyuju/renamed'],
          ),
          [WEIBO]: numbered('622926-2026-0001'),
          'units/jiaoyuju/accounts/douyin.yaml': numbered('622926-2026-0001'),
        },
        'filing-number',
      ),
    ).toMatchInlineSnapshot(`
      [
        "filing-numbers.yaml:3 备案编号 622926-2026-0001 在登记簿中出现了两次（第一次在第 2 行）：一个编号只能编定一次，删除后加的一条，并核对对应账号。",
        "filing-numbers.yaml:4 账号 jiaoyuju/weibo 在登记簿中已有编号 622926-2026-0001（第 2 行）：一个账号只有一个备案编号，删除后加的一条。",
        "filing-numbers.yaml:5 登记簿中编号 622926-2026-0003 所属的账号 jiaoyuju/renamed 不存在。账号文件改名或移到别的单位时，把这里的账号编号改成新的（编号不变）；注销的账号要保留账号文件（记 deregistered），不能删除。",
        "units/jiaoyuju/accounts/douyin.yaml:4 备案编号 622926-2026-0001 已是账号 jiaoyuju/weibo 的编号（data/units/jiaoyuju/accounts/weibo.yaml 第 4 行）：一个编号只属于一个账号，删除本行后运行 npm run number 编定新编号。",
      ]
    `);
  });

  it('requires a number of accounts filed since the policy says so', () => {
    const policy = { 'policy.yaml': (t: string) => `${t}filing_number_required_from: 2026-01-01\n` };
    expect(messages(policy, 'filing-number')).toMatchInlineSnapshot(`
      [
        "units/jiaoyuju/accounts/weibo.yaml:10 账号于 2026-02-25 备案开设，自 2026-01-01 起开设的账号必须有备案编号（filing_number）：运行 npm run number -- --account <账号编号> 编定。",
      ]
    `);
    expect(
      messages(
        { ...policy, [WEIBO]: numbered('622926-2026-0001'), [LEDGER]: ledger(['622926-2026-0001', 'jiaoyuju/weibo']) },
        'filing-number',
      ),
    ).toEqual([]);
  });
});

describe('two-way proof', () => {
  const withProof = (checked: string) => (text: string) =>
    `${text}proof: { where: menu, text: 备案编号 622926-2026-0001, checked: ${checked} }\n`;
  const policy = { 'policy.yaml': (t: string) => `${t}proof_stale_days: 90\n` };
  const LATEST = 'inspections/2026/2026-11-23.yaml';
  const inspected = (result: string) =>
    replace('jiaoyuju/weibo, last_post: 2026-11-19, findings: []', `jiaoyuju/weibo, last_post: 2026-11-19, findings: [], proof: ${result}`);

  it('a later inspection confirms the proof (ok) or finds it gone (missing, changed)', () => {
    const fact = (changes: Changes) => {
      const { registry } = loadFixture({ ...policy, ...changes });
      const account = registry!.accountById.get('jiaoyuju/weibo')!;
      return proofFact(account, registry!.inspections, registry!.policy, AS_OF);
    };
    expect(fact({ [WEIBO]: withProof('2026-06-01') })).toMatchObject({ state: 'stale', checked: '2026-06-01', age: 180, where: 'menu' });
    expect(fact({ [WEIBO]: withProof('2026-06-01'), [LATEST]: inspected('ok') })).toMatchObject({
      state: 'proven',
      checked: '2026-11-23',
      age: 5,
    });
    expect(fact({ [WEIBO]: withProof('2026-06-01'), [LATEST]: inspected('changed') })).toMatchObject({
      state: 'missing',
      lost: { date: '2026-11-23', result: 'changed' },
    });
    // A check of the filing after the inspection that missed it counts.
    expect(fact({ [WEIBO]: withProof('2026-11-25'), [LATEST]: inspected('missing') })).toMatchObject({ state: 'proven', lost: null });
    expect(fact({ [LATEST]: inspected('ok') })).toMatchObject({ state: 'proven', where: null, checked: '2026-11-23' });
    expect(fact({})).toMatchObject({ state: 'missing', checked: null });
  });

  it('warns about a proof an inspection found gone, and is silent for closed accounts', () => {
    expect(messages({ ...policy, [LATEST]: inspected('missing') }, 'proof-missing').filter((m) => m.startsWith(WEIBO)))
      .toMatchInlineSnapshot(`
      [
        "units/jiaoyuju/accounts/weibo.yaml:1 2026-11-23 巡查时，账号上的备案编号已找不到：请在账号上重新标明，核对后更新 proof 的 text 和 checked。",
      ]
    `);
    expect(messages(policy, 'proof-missing').some((m) => m.includes('douyin-old') || m.includes('kuaishou'))).toBe(false);
  });

  it('the compliance summary counts proven accounts per unit and for the county', () => {
    const { registry } = loadFixture({
      ...policy,
      [WECHAT]: withProof('2026-11-01'),
      [WEIBO]: withProof('2026-06-01'),
      'units/suonan-zhen/accounts/wechat.yaml': withProof('2026-10-01'),
      'units/jiaoyuju/accounts/douyin-old.yaml': withProof('2026-11-01'),
    });
    const compliance = computeCompliance(registry!);
    expect(compliance.units.get('jiaoyuju')!.counts).toMatchObject({ active: 3, proof: 1 });
    expect(compliance.units.get('suonan-zhen')!.counts).toMatchObject({ active: 1, proof: 1 });
    // The deregistered account's proof does not count; the douyin account has none.
    expect(compliance.county.proof).toEqual({ proven: 2, stale: 1, missing: 1 });
    expect(compliance.accounts.get('jiaoyuju/douyin-old')!.proof.state).toBe('exempt');
  });
});
