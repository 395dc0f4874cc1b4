/**
 * The data directory layout (README.md 数据目录, CONTRIBUTING.md 二): which file is what, and which
 * files have no place.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { problem, type Problem } from '../problems.ts';
import type { FileKind } from '../schema/index.ts';
import { SLUG_RE } from '../schema/common.ts';
import { checkName } from './comments.ts';

/** A data file found in the layout. */
export interface DataFileRef {
  kind: FileKind;
  /** Absolute path. */
  abs: string;
  /** Display path: relative to the data directory's parent, `/`-separated. */
  file: string;
  /** Path inside the data directory, `/`-separated. */
  rel: string;
  /** Unit id, for unit and account files. */
  unit?: string;
  /** File name without `.yaml` (account slug, impostor id, calendar year, inspection date). */
  name: string;
  /** The parent folder name (inspection year folder). */
  folder?: string;
  /**
   * A `.yml` (or `.YAML`…) file: checked like the `.yaml` file it should be, so all its problems
   * show in one round, but never part of the model until it is renamed.
   */
  misnamed?: true;
}

export interface Layout {
  files: DataFileRef[];
  problems: Problem[];
}

/** Files people and tools leave behind that carry no data. */
const IGNORED = new Set(['.gitkeep', '.keep', '.DS_Store', 'Thumbs.db', 'desktop.ini', 'README.md']);

const ROOT_FILES: Record<string, FileKind> = {
  'site.yaml': 'site',
  'policy.yaml': 'policy',
  'platforms.yaml': 'platforms',
  'filing-numbers.yaml': 'filing-numbers',
};
const YEAR_RE = /^\d{4}$/;
/** Account slugs taken by the site's pages under /units/<unit>/ (the filing form and the trust poster). */
const RESERVED_SLUGS = new Set(['form', 'poster']);
const DATE_NAME_RE = /^\d{4}-\d{2}-\d{2}$/;

const LAYOUT_HINT =
  '数据目录结构：site.yaml、policy.yaml、platforms.yaml、filing-numbers.yaml（备案编号登记簿）、calendar/<年份>.yaml、units/<单位编号>/unit.yaml、units/<单位编号>/accounts/<账号文件名>.yaml、inspections/<年份>/<日期>.yaml、impostors/<编号>.yaml。';

type Classified = Omit<DataFileRef, 'abs' | 'file' | 'rel'> | { stray: Problem };

function classify(segments: string[], at: { file: string; line: number; column: number }): Classified {
  const name = segments[segments.length - 1]!;
  const base = name.replace(/\.yaml$/, '');
  const badName = (value: string, what: string, reason?: string) => ({
    stray: problem('stray-file.bad-name', at, reason ? { name: value, what, reason } : { name: value, what }),
  });
  const location = (hint: string) => ({ stray: problem('stray-file.location', at, { path: segments.join('/'), hint }) });
  const [top, second, third, fourth] = segments;

  if (segments.length === 1) {
    const kind = ROOT_FILES[name];
    if (kind) return { kind, name: base };
    return location(LAYOUT_HINT);
  }
  if (top === 'calendar' && segments.length === 2) {
    return YEAR_RE.test(base) ? { kind: 'calendar', name: base } : badName(name, '节假日文件名（应为 4 位年份，例如 2026.yaml）');
  }
  if (top === 'impostors' && segments.length === 2) {
    return SLUG_RE.test(base) ? { kind: 'impostor', name: base } : badName(name, '仿冒账号文件名');
  }
  if (top === 'inspections') {
    if (segments.length !== 3) return location('巡查记录应放在 inspections/<年份>/<日期>.yaml，例如 inspections/2026/2026-11-23.yaml。');
    if (!YEAR_RE.test(second!)) return badName(second!, '巡查年份文件夹（应为 4 位年份）');
    if (!DATE_NAME_RE.test(base)) return badName(name, '巡查记录文件名（应为巡查日期，例如 2026-11-23.yaml）');
    return { kind: 'inspection', name: base, folder: second };
  }
  if (top === 'units') {
    if (segments.length === 2) return location('每个单位一个文件夹：units/<单位编号>/unit.yaml。');
    if (!SLUG_RE.test(second!)) return badName(second!, '单位文件夹名');
    if (segments.length === 3 && third === 'unit.yaml') return { kind: 'unit', name: second!, unit: second };
    if (segments.length === 3) return location(`账号文件应放在 units/${second}/accounts/ 文件夹中。`);
    if (segments.length === 4 && third === 'accounts') {
      if (RESERVED_SLUGS.has(base))
        return badName(
          fourth!,
          '账号文件名',
          `${base} 是网站为单位页面保留的地址（登记表、海报），不能用作账号文件名。请换一个名称，例如 ${base}-account.yaml 或按平台命名（wechat.yaml）。`,
        );
      return SLUG_RE.test(base) ? { kind: 'account', name: base, unit: second } : badName(fourth!, '账号文件名');
    }
    return location(`单位文件夹中只有 unit.yaml 和 accounts/<账号文件名>.yaml。`);
  }
  return location(LAYOUT_HINT);
}

/** Lists every file of a data directory, classified; symlinks are refused, not followed. */
export function scanLayout(dataDir: string): Layout {
  const root = path.resolve(dataDir);
  const displayBase = path.dirname(root);
  const files: DataFileRef[] = [];
  const problems: Problem[] = [];
  // Display paths start at the data directory's own name (`data/units/…`); built from the
  // segments rather than with path.relative, which is slow over tens of thousands of files.
  const rootName = path.relative(displayBase, root).split(path.sep).join('/');
  const display = (segments: readonly string[]) => [rootName, ...segments].filter((s) => s !== '').join('/');

  const visit = (dir: string, segments: string[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(
        problem('yaml-unsafe.unreadable', { file: display(segments), line: 1, column: 1 }, { reason: (error as Error).message }),
      );
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (IGNORED.has(entry.name)) continue;
      const abs = path.join(dir, entry.name);
      const rel = [...segments, entry.name];
      const at = { file: display(rel), line: 1, column: 1 };
      for (const p of checkName(entry.name, at)) problems.push(p);
      if (entry.isSymbolicLink()) {
        problems.push(problem('yaml-unsafe.symlink', at, {}));
        continue;
      }
      if (entry.isDirectory()) {
        visit(abs, rel);
        continue;
      }
      if (!entry.isFile()) {
        problems.push(problem('yaml-unsafe.not-a-file', at, {}));
        continue;
      }
      if (!entry.name.endsWith('.yaml')) {
        const suggestion = /\.(yml|YAML|YML|Yaml)$/.test(entry.name) ? entry.name.replace(/\.\w+$/, '.yaml') : '';
        problems.push(problem('stray-file.extension', at, { name: entry.name, suggestion }));
        if (suggestion && !entries.some((e) => e.name === suggestion)) {
          const c = classify([...segments, suggestion], at);
          if (!('stray' in c)) files.push({ ...c, abs, file: at.file, rel: rel.join('/'), misnamed: true });
        }
        continue;
      }
      const c = classify(rel, at);
      if ('stray' in c) problems.push(c.stray);
      else files.push({ ...c, abs, file: at.file, rel: rel.join('/') });
    }
  };
  visit(root, []);
  return { files, problems };
}
