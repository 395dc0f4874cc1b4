/**
 * `npm run pr-summary`: a temporary git repository with a base commit and a branch whose
 * commits open, rename and close accounts; the summary must say so in words.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNew } from '../src/cli/new.ts';
import { runPrSummary } from '../src/cli/pr-summary.ts';
import type { Io } from '../src/cli/validate.ts';
import { md } from '../src/lib/diff/summary.ts';
import { AS_OF, FIXTURE } from './helpers/fixture.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
    },
  });
}

/** A repository whose `main` holds the fixture registry. */
function repository(): { root: string; data: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pr-summary-test-'));
  roots.push(root);
  const data = path.join(root, 'data');
  cpSync(FIXTURE, data, { recursive: true });
  writeFileSync(path.join(root, 'README.md'), '# 测试\n');
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  git(root, 'checkout', '-q', '-b', 'feature');
  return { root, data };
}

async function file(root: string, data: string, ...argv: string[]) {
  let err = '';
  const io = {
    stdout: () => {},
    stderr: (t: string) => void (err += t),
    env: {},
    cwd: root,
    isTTY: false,
    input: new PassThrough(),
    output: new PassThrough(),
    interactive: false,
  };
  const code = await runNew([...argv, '--data', data, '--as-of', AS_OF], io);
  if (code !== 0) throw new Error(err);
}

function commit(root: string, message: string) {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
}

function summary(root: string, argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, cwd: root, isTTY: false };
  return { code: runPrSummary([...argv, '--as-of', AS_OF], io), stdout, stderr };
}

describe('a branch that opens, renames and closes accounts', () => {
  let repo: { root: string; data: string };
  beforeAll(async () => {
    repo = repository();
    const { root, data } = repo;
    await file(
      root,
      data,
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
    );
    commit(root, 'open');
    await file(
      root,
      data,
      'event',
      '--account',
      'suonan-zhen/wechat',
      '--type',
      'changed',
      '--date',
      '2026-11-16',
      '--filed',
      '2026-11-23',
      '--name',
      '锁南镇政务',
    );
    commit(root, 'rename');
    await file(
      root,
      data,
      'event',
      '--account',
      'jiaoyuju/douyin',
      '--type',
      'deregistered',
      '--date',
      '2026-11-25',
      '--filed',
      '2026-11-26',
      '--notice-url',
      'https://mp.weixin.qq.com/s/tinggeng',
      '--successor',
      'jiaoyuju/kuaishou',
    );
    await file(
      root,
      data,
      'impostor',
      '--platform',
      'kuaishou',
      '--name',
      '东乡教育官方',
      '--handle',
      'dxjy_gf',
      '--imitates',
      'jiaoyuju/kuaishou',
      '--found',
      '2026-11-27',
    );
    commit(root, 'close and report');
    // Seen from main, which moved on meanwhile: the summary compares with the merge base.
    git(root, 'checkout', '-q', 'main');
    writeFileSync(path.join(root, 'README.md'), '# 测试（main 上的新提交）\n');
    commit(root, 'main moves on');
    git(root, 'checkout', '-q', 'feature');
  }, 120_000);

  it('says in words what the branch files, with timeliness, links and the points to check', () => {
    const result = summary(repo.root, ['--base', 'main']);
    expect(result.code).toBe(0);
    const text = result.stdout.replace(/（[0-9a-f]{7}）/, '（BASE）');
    expect(text).toMatchInlineSnapshot(`
      "## 政务新媒体名录 · 本次修改

      与 \`main\`（BASE）相比：开设 1 项，变更 1 项，注销 1 项，新增仿冒账号 1 个。

      ### ⚠️ 请审核人注意

      - 本 PR 修改了 2 个单位的文件夹（\`jiaoyuju\`、\`suonan-zhen\`）。各单位的备案应分别提交 Pull Request，由各自的维护人审核；如确属同一事项（例如县政府办统一调整），请在说明中注明。

      ### 账号

      | 事项 | 账号 | 单位 | 发生日期 | 备案日期 | 说明 |
      | --- | --- | --- | --- | --- | --- |
      | 注销 | **东乡教育**（抖音）<br>\`jiaoyuju/douyin\` | 东乡族自治县教育局 | 2026-11-25 | 2026-11-26 ✔ | [停更公告](<https://mp.weixin.qq.com/s/tinggeng>)；接替账号 \`jiaoyuju/kuaishou\`（东乡教育快手） |
      | 开设 | **东乡教育快手**（快手）<br>\`jiaoyuju/kuaishou\` | 东乡族自治县教育局 | 2026-11-20 | 2026-11-24 ✔ |   |
      | 变更 | **锁南镇政务**（微信公众号）<br>\`suonan-zhen/wechat\` | 东乡族自治县锁南镇人民政府 | 2026-11-16 | 2026-11-23 ⚠️ 超期（第 5 个工作日，时限 3 个） | 原名称「锁南镇发布」 |

      请核对 PR 说明中附有加盖单位公章的备案登记表，且表上的账号名称、账号 ID 和日期与上表一致。

      ### 仿冒账号

      - 新增 快手“东乡教育官方”（\`dxjy_gf\`），仿冒 东乡教育快手（\`jiaoyuju/kuaishou\`）；2026-11-27 发现，尚未向平台举报

      ### 数据校验

      - ✔ 修改后的数据没有错误。
      - 本次新增 2 个警告（合规记录，不阻止合并）：
        - \`data/inspections/2026/2026-11-23.yaml:3\` 缺少巡查：在用账号 jiaoyuju\\/kuaishou 没有出现在 2026\\-11\\-23 的巡查记录中：请补充该账号的巡查结果。
        - \`data/units/suonan-zhen/accounts/wechat.yaml:11\` 备案超期：变更（2026\\-11\\-16）在第 5 个工作日（2026\\-11\\-23）才备案，超过了 3 个工作日的时限（最迟应在 2026\\-11\\-19 备案）。

      <details><summary>修改的文件（5 个）</summary>

      - \`data/filing-numbers.yaml\`
      - \`data/impostors/kuaishou-dxjy-gf.yaml\`
      - \`data/units/jiaoyuju/accounts/douyin.yaml\`
      - \`data/units/jiaoyuju/accounts/kuaishou.yaml\`
      - \`data/units/suonan-zhen/accounts/wechat.yaml\`

      </details>
      "
    `);
  });

  it('summarises one commit range with --head, and uncommitted work without it', () => {
    const first = git(repo.root, 'rev-list', '--max-parents=0', 'HEAD').trim();
    const opened = git(repo.root, 'rev-parse', 'HEAD~2').trim();
    const one = summary(repo.root, ['--base', first, '--head', opened]);
    expect(one.stdout).toContain('相比：开设 1 项。');
    expect(one.stdout).toContain('| 开设 | **东乡教育快手**（快手）');
    expect(one.stdout).not.toContain('请审核人注意');

    writeFileSync(
      path.join(repo.data, 'units/jiaoyuju/accounts/wechat.yaml'),
      readFileSync(path.join(repo.data, 'units/jiaoyuju/accounts/wechat.yaml'), 'utf8').replace(
        'purpose: 发布教育政策、招生考试信息',
        'purpose: 发布教育政策',
      ),
    );
    const dirty = summary(repo.root, ['--base', 'main']);
    expect(dirty.stdout).toContain(
      '| 信息更新 | **东乡教育**（微信公众号）<br>`jiaoyuju/wechat` | 东乡族自治县教育局 |  |  | 修改了功能定位 |',
    );
    git(repo.root, 'checkout', '-q', '--', 'data');
  });

  it('appends to the job summary in GitHub Actions and exits 2 for an unknown base', () => {
    const target = path.join(repo.root, 'step-summary.md');
    appendFileSync(target, '');
    const result = summary(repo.root, ['--base', 'main'], { GITHUB_STEP_SUMMARY: target });
    expect(readFileSync(target, 'utf8')).toBe(`${result.stdout}\n`);
    const bad = summary(repo.root, ['--base', 'no-such-branch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('找不到 git 提交 no-such-branch');
    expect(summary(repo.root, []).code).toBe(2);
  });
});

describe('units, impostors, inspections and shared files', () => {
  it('lists a new unit, a new inspection with its failures, an impostor taken down and a policy change', async () => {
    const { root, data } = repository();
    await file(
      root,
      data,
      'unit',
      '--id',
      'tongjiju',
      '--name',
      '东乡族自治县统计局',
      '--kind',
      'county-department',
      '--maintainer',
      '@dongxiang/tongjiju',
    );
    const latest = readFileSync(path.join(data, 'inspections/2026/2026-11-23.yaml'), 'utf8');
    writeFileSync(path.join(data, 'inspections/2026/2026-11-27.yaml'), latest.replace('date: 2026-11-23', 'date: 2026-11-27'));
    const impostor = path.join(data, 'impostors/dxjy-fake.yaml');
    writeFileSync(impostor, readFileSync(impostor, 'utf8').replace(/removed: .*/, 'removed: 2026-11-26'));
    const policy = path.join(data, 'policy.yaml');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace(/filing_deadline_working_days: 3/, 'filing_deadline_working_days: 5'));
    commit(root, 'office work');
    const { stdout } = summary(root, ['--base', 'main']);
    expect(stdout).toContain('相比：新增单位 1 个，更新仿冒账号记录 1 个，新增巡查 1 次，修改政策阈值。');
    expect(stdout).toContain('- 新增 **东乡族自治县统计局**（`tongjiju`，县直部门），维护人 @dongxiang/tongjiju');
    expect(stdout).toMatch(/- 新增 2026-11-27 巡查（东乡族自治县人民政府信息管理中心）：检查 \d+ 个账号，\d+ 个发现问题/);
    expect(stdout).toMatch(/- 更新 `dxjy-fake`（.+）：处置日期；2026-11-26 已被平台关闭/);
    expect(stdout).toContain('- 政策阈值 policy.yaml：filing\\_deadline\\_working\\_days\\: 3 → 5');
  });
});

describe('changes a reviewer must look at', () => {
  it('lists every new or changed waiver (a second account on a platform) with its approver and date', () => {
    const { root, data } = repository();
    const second = [
      'name: 东乡教育招生',
      'platform: weibo',
      'handle: "5123456780"',
      'url: https://weibo.com/u/5123456780',
      'verified_as: 东乡县教育局',
      'purpose: 发布招生考试信息',
      'operation: self',
      'waiver:',
      '  reason: 招生考试信息需单独发布',
      '  approved_by: 县政府办公室',
      '  approved_on: 2026-11-20',
      'events:',
      '  - { type: opened, date: 2026-11-21, filed: 2026-11-24 }',
      '',
    ].join('\n');
    writeFileSync(path.join(data, 'units/jiaoyuju/accounts/weibo-zhaosheng.yaml'), second);
    commit(root, 'second weibo account');
    const added = summary(root, ['--base', 'main']);
    const attention = added.stdout.split('### 账号')[0]!;
    expect(attention).toContain('### ⚠️ 请审核人注意');
    expect(attention).toContain(
      '- `jiaoyuju/weibo-zhaosheng`（东乡教育招生，新浪微博） 以例外批准（waiver）在同一平台开设第二个账号：批准单位「县政府办公室」，批准日期 2026-11-20，理由「招生考试信息需单独发布」。同一单位在该平台的其他账号：`jiaoyuju/weibo`（东乡教育）；请核对批准文件。',
    );

    git(root, 'checkout', '-q', '-b', 'later');
    const file = path.join(data, 'units/jiaoyuju/accounts/weibo-zhaosheng.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('approved_on: 2026-11-20', 'approved_on: 2026-11-19'));
    commit(root, 'change the waiver date');
    const changed = summary(root, ['--base', 'feature']);
    expect(changed.stdout).toContain('修改了例外批准（waiver）：批准单位「县政府办公室」，批准日期 2026-11-19');

    writeFileSync(file, readFileSync(file, 'utf8').replace('purpose: 发布招生考试信息', 'purpose: 发布招生信息'));
    commit(root, 'only the purpose');
    expect(summary(root, ['--base', 'HEAD~1']).stdout).not.toContain('waiver');
  });

  it('flags a rename without a change event, a deleted account file, edited history and edited maintainers', () => {
    const { root, data } = repository();
    const edit = (rel: string, from: string, to: string) => {
      const file = path.join(data, rel);
      const text = readFileSync(file, 'utf8');
      if (!text.includes(from)) throw new Error(`not found: ${from}`);
      writeFileSync(file, text.replace(from, to));
    };
    edit('units/jiaoyuju/accounts/wechat.yaml', 'name: 东乡教育', 'name: 东乡教育发布');
    edit('units/jiaoyuju/accounts/wechat.yaml', 'date: 2026-06-03, filed: 2026-06-05', 'date: 2026-06-03, filed: 2026-06-04');
    rmSync(path.join(data, 'units/jiaoyuju/accounts/douyin-old.yaml'));
    edit('units/jiaoyuju/unit.yaml', '"@dongxiang/jiaoyuju"', '"@someone"');
    commit(root, 'risky');
    const { stdout } = summary(root, ['--base', 'main']);
    const attention = stdout.split('### 账号')[0]!;
    expect(attention).toContain('删除了账号文件 `jiaoyuju/douyin-old`');
    expect(attention).toContain('修改或删除了 `jiaoyuju/wechat` 已有的第 2 项备案事项（变更 2026-06-03）');
    expect(attention).toContain('`jiaoyuju/wechat` 的名称从「东乡教育」改为「东乡教育发布」，但没有追加 changed（变更）事项');
    expect(attention).toContain('单位 `jiaoyuju` 的维护人由 @dongxiang/jiaoyuju 改为 @someone');
    expect(stdout).toContain('| 删除文件 |');
    expect(stdout).toContain('| 修改历史 |');
  });

  it('says when data files changed only in layout, and lists code changes for the office', () => {
    const { root, data } = repository();
    const file = path.join(data, 'units/jiaoyuju/accounts/weibo.yaml');
    writeFileSync(file, `# 只加了一行注释\n${readFileSync(file, 'utf8')}`);
    writeFileSync(path.join(root, 'README.md'), '# 改了说明\n');
    commit(root, 'layout');
    const { stdout } = summary(root, ['--base', 'main']);
    expect(stdout).toContain('相比：没有修改名录数据（1 个数据文件只有格式或注释改动）。');
    expect(stdout).toContain('修改了 1 个数据以外的文件（`README.md`）');
  });
});

describe('markdown escaping', () => {
  it('keeps names from the data from turning into markup', () => {
    expect(md('*东乡*_[链接](http://x)<b>|#1 ~删~')).toBe('\\*东乡\\*\\_\\[链接\\]\\(http\\:\\/\\/x\\)\\<b\\>\\|\\#1 \\~删\\~');
  });
});
