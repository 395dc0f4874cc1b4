/**
 * `npm run codeowners -- [--data DIR] [--out FILE] [--check]`: writes `.github/CODEOWNERS` from
 * the data, so that GitHub asks the right people to review a pull request.
 *
 * - The county office — the unit named by `site.yaml` `office.unit` — owns everything by default:
 *   code, workflows, shared files (site, policy, platforms, calendar), inspections, impostors.
 * - Each unit's `maintainers` own its folder `data/units/<id>/` together with the office, so a
 *   unit reviews changes to its own accounts.
 * - Every `unit.yaml` (the unit's name, aliases and maintainers) stays with the office alone: a
 *   unit cannot hand its folder to someone else without the office's review, and neither can it
 *   change this file (which the office owns) — CI fails when the file is out of date.
 *
 * Exit 0: written or up to date. Exit 1: `--check` found it out of date. Exit 2: usage or data problem.
 */
import path from 'node:path';
import { todayInChina } from '../lib/dates.ts';
import type { Registry } from '../lib/model.ts';
import { loadRegistry } from '../lib/registry.ts';
import { parseFlags, readOptions, resolveDataDir, writeGenerated } from './usage.ts';
import type { Io } from './validate.ts';

export const USAGE = `用法：npm run codeowners -- [选项]

根据各单位 unit.yaml 的 maintainers 和主管单位（data/site.yaml 的 office.unit）生成 .github/CODEOWNERS。

  --data DIR     数据目录（默认 data）
  --out FILE     输出文件（默认：数据目录旁的 .github/CODEOWNERS）
  --check        只检查文件是否最新，不写入；过期时退出码为 1（CI 使用）
  -h, --help     显示本帮助`;

/** Why CODEOWNERS cannot be generated (in Chinese). */
export class CodeownersError extends Error {}

/** Shared paths the office owns (besides everything else, via `*`), relative to the data dir. */
const SHARED_DATA = ['site.yaml', 'policy.yaml', 'platforms.yaml', 'calendar/', 'inspections/', 'impostors/'];

function unique(owners: readonly string[]): string[] {
  return [...new Set(owners)];
}

/**
 * The text of CODEOWNERS for a registry. `dataPath` is the data directory relative to the
 * repository root (`data`), `/`-separated.
 */
export function renderCodeowners(registry: Registry, dataPath = 'data'): string {
  const officeId = registry.site.office.unit;
  if (!officeId)
    throw new CodeownersError(
      'data/site.yaml 的 office.unit 没有填写：CODEOWNERS 需要知道主管单位是哪个单位（填写它在 data/units/ 中的编号）。',
    );
  const office = registry.unitById.get(officeId);
  if (!office) throw new CodeownersError(`主管单位 ${officeId}（data/site.yaml 的 office.unit）不存在或其 unit.yaml 有错误。`);
  const officeOwners = unique(office.maintainers);
  if (officeOwners.length === 0) {
    throw new CodeownersError(
      `主管单位 ${officeId} 的 unit.yaml 没有填写 maintainers：至少填写一个 GitHub 用户或团队，例如 "@dongxiang/${officeId}"。`,
    );
  }
  const root = `/${dataPath.replace(/^\/+|\/+$/g, '')}`;
  const rows: [string, string[]][] = [];
  const lines: string[] = [
    '# CODEOWNERS：由 npm run codeowners 根据各单位 unit.yaml 的 maintainers 生成，请勿手工修改。',
    `# 修改维护人：编辑 ${root.slice(1)}/units/<单位编号>/unit.yaml 的 maintainers，运行 npm run codeowners，一并提交。`,
    '# 规则自上而下，匹配同一文件时后面的规则优先。',
    '',
    `# 主管单位：${office.name}（${root.slice(1)}/site.yaml 的 office.unit: ${officeId}）`,
    '# 默认负责全部文件：代码、工作流、共用文件、政策、平台目录、节假日、巡查记录和仿冒账号。',
  ];
  const block = (entries: [string, string[]][]) => {
    rows.push(...entries);
    return entries;
  };
  const sections: { comment: string[]; entries: [string, string[]][] }[] = [];
  sections.push({
    comment: lines.splice(0),
    entries: block([['*', officeOwners], ...SHARED_DATA.map((p): [string, string[]] => [`${root}/${p}`, officeOwners])]),
  });

  const withOwners = registry.units.filter((u) => u.id !== officeId && u.maintainers.length > 0);
  const without = registry.units.filter((u) => u.id !== officeId && u.maintainers.length === 0);
  const unitComment = ['# 各单位维护本单位文件夹中的账号文件（主管单位同时可以审核）。'];
  if (without.length > 0) unitComment.push(`# 没有填写 maintainers、由主管单位维护的单位：${without.map((u) => u.id).join('、')}。`);
  sections.push({
    comment: unitComment,
    entries: block(withOwners.map((u): [string, string[]] => [`${root}/units/${u.id}/`, unique([...u.maintainers, ...officeOwners])])),
  });
  sections.push({
    comment: ['# 单位信息（名称、其他名称、维护人）的修改由主管单位审核。'],
    entries: block([[`${root}/units/*/unit.yaml`, officeOwners]]),
  });

  const width = Math.max(...rows.map(([pattern]) => pattern.length)) + 2;
  const out: string[] = [];
  for (const section of sections) {
    if (out.length) out.push('');
    out.push(...section.comment);
    for (const [pattern, owners] of section.entries) out.push(`${pattern.padEnd(width)}${owners.join(' ')}`);
  }
  return `${out.join('\n')}\n`;
}

/** Runs the generator; returns the exit code. */
export function runCodeowners(argv: string[], io: Io): number {
  const values = readOptions(
    () => {
      const { values: v } = parseFlags(argv, { data: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' } });
      return v.help ? 'help' : { ...v, data: resolveDataDir(io.cwd, v.data) };
    },
    USAGE,
    '错误：',
    io,
  );
  if (typeof values === 'number') return values;
  const data = values.data;
  const repoRoot = path.dirname(data);
  const out = path.resolve(io.cwd, values.out ?? path.join(repoRoot, '.github', 'CODEOWNERS'));
  const result = loadRegistry(data, { asOf: todayInChina() });
  if (!result.registry) {
    io.stderr('错误：data/site.yaml、policy.yaml 或 platforms.yaml 有错误，无法生成 CODEOWNERS。请先运行 npm run validate。\n');
    return 2;
  }
  const brokenUnits = result.problems.filter((p) => p.severity === 'error' && p.file.endsWith('/unit.yaml') && p.rule !== 'personal-data');
  for (const p of brokenUnits) io.stderr(`注意：${p.file}:${p.line} 有错误（${p.message}），该单位的维护人没有写入 CODEOWNERS。\n`);

  let text: string;
  try {
    text = renderCodeowners(result.registry, path.relative(repoRoot, data).split(path.sep).join('/'));
  } catch (error) {
    if (!(error instanceof CodeownersError)) throw error;
    io.stderr(`错误：${error.message}\n`);
    return 2;
  }
  const display = path.relative(io.cwd, out).split(path.sep).join('/') || out;
  return writeGenerated(
    [{ path: out, display, text }],
    {
      check: values.check ?? false,
      fix: 'npm run codeowners',
      what: `${display}（由各单位 unit.yaml 的 maintainers 生成）`,
    },
    io,
  );
}
