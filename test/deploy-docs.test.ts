/**
 * The going-live guide (docs/上线指南.md) against what it documents: every variable and secret the
 * deploy workflow reads is in its table and nothing else is, the required checks it lists are the
 * jobs of the pull-request workflow, the commands it names exist, and the README links to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixture.ts';

const guide = readFileSync(path.join(REPO, 'docs', '上线指南.md'), 'utf8');
const deploy = readFileSync(path.join(REPO, '.github', 'workflows', 'deploy.yml'), 'utf8');

describe('docs/上线指南.md', () => {
  it('documents exactly the variables and secrets of the deploy workflow, each as what it is', () => {
    const used = new Map<string, string>();
    for (const m of deploy.matchAll(/\b(vars|secrets)\.([A-Z][A-Z0-9_]*)/g)) used.set(m[2]!, m[1] === 'vars' ? '变量' : '密钥');
    const table = new Map([...guide.matchAll(/^\| `([A-Z][A-Z0-9_]*)` +\| (变量|密钥) +\|/gm)].map((m) => [m[1]!, m[2]!]));
    expect(table).toEqual(used);
    expect(used.size).toBeGreaterThan(10);
  });

  it('makes every check of the pull-request workflow required, by the name GitHub shows', () => {
    const pr = parse(readFileSync(path.join(REPO, '.github', 'workflows', 'pr.yml'), 'utf8')) as { jobs: Record<string, { name: string }> };
    const names = Object.values(pr.jobs).map((j) => j.name);
    const section = guide.slice(guide.indexOf('## 四、'), guide.indexOf('## 五、'));
    const listed = [...section.matchAll(/`([^`]+)`/g)]
      .map((m) => m[1]!)
      .filter((n) => names.includes(n) || /^[\u4e00-\u9fa5A-Z ]+$/.test(n));
    expect(listed.sort()).toEqual([...names].sort());
  });

  it('names only npm scripts that exist, and the README links to it', () => {
    const scripts = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const used = [...guide.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(used).toContain('init:registry');
    for (const name of used) expect(scripts[name], name).toBeDefined();
    expect(readFileSync(path.join(REPO, 'README.md'), 'utf8')).toContain('](docs/上线指南.md)');
  });

  it('points at configuration files that exist', () => {
    for (const m of guide.matchAll(/`(deploy\/[\w./-]+)`/g)) expect(existsSync(path.join(REPO, m[1]!)), m[1]).toBe(true);
  });
});
