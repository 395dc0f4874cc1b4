/**
 * The container image (deploy/Dockerfile), checked without a Docker engine: the rules hadolint
 * would apply, the base image pinned by digest, the files it copies exist and are the ones the
 * nginx configuration includes, and the configuration laid out as the image lays it out passes
 * `nginx -t` with the real nginx (the browser test serves the site with it).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NGINX_CONFIG, requireNginx, testConfig } from './browser/nginx.ts';
import { REPO } from './helpers/fixture.ts';

const DOCKERFILE = path.join(REPO, 'deploy', 'Dockerfile');
const text = readFileSync(DOCKERFILE, 'utf8');
/** Instructions with their continuation lines joined, comments left out. */
const instructions = text
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [op, ...rest] = l.trim().split(/\s+/);
    return { op: op!.toUpperCase(), args: rest.join(' ') };
  });
const all = (op: string) => instructions.filter((i) => i.op === op);

/** COPY instructions as [sources, destination]. */
const copies = all('COPY').map(({ args }) => {
  const parts = args.split(/\s+/);
  return { sources: parts.slice(0, -1), dest: parts.at(-1)! };
});

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('deploy/Dockerfile', () => {
  it('builds on one base image pinned by its digest', () => {
    const from = all('FROM');
    expect(from).toHaveLength(1);
    expect(from[0]!.args).toMatch(/^[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}$/);
    expect(text).toContain('docker buildx imagetools inspect');
  });

  it('follows the hadolint rules that apply to it', () => {
    expect(
      instructions.map((i) => i.op).filter((op) => !['FROM', 'RUN', 'COPY', 'USER', 'EXPOSE', 'STOPSIGNAL', 'CMD'].includes(op)),
    ).toEqual([]);
    // DL3008/DL3015/DL3009: no recommended packages, and the package lists removed in the same layer.
    const runs = all('RUN');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.args).toMatch(/apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-static/);
    expect(runs[0]!.args).toMatch(/&& rm -rf \/var\/lib\/apt\/lists\/\*/);
    expect(runs[0]!.args).not.toMatch(/\bcd\b|\bsudo\b|apt-get upgrade|curl|wget/);
    // DL3025: CMD in exec form; DL3002: the last USER is not root.
    expect(all('CMD').at(-1)!.args).toBe('["nginx", "-g", "daemon off;"]');
    expect(all('USER').at(-1)!.args).not.toMatch(/^(root|0)$/);
    expect(instructions.findIndex((i) => i.op === 'USER')).toBeGreaterThan(instructions.findIndex((i) => i.op === 'RUN'));
    expect(all('STOPSIGNAL')[0]!.args).toBe('SIGQUIT');
  });

  it('exposes the port the server listens on, which an unprivileged user may bind', () => {
    const server = readFileSync(path.join(NGINX_CONFIG, 'server.conf'), 'utf8');
    const port = /^\s*listen (\d+);/m.exec(server)![1]!;
    expect(all('EXPOSE').map((i) => i.args)).toEqual([port]);
    expect(Number(port)).toBeGreaterThan(1024);
  });

  it('copies files that exist, the built site, and every file the configuration includes', () => {
    for (const { sources } of copies)
      for (const source of sources) if (source !== 'dist/') expect(existsSync(path.join(REPO, source)), source).toBe(true);
    expect(copies.find((c) => c.sources.includes('dist/'))?.dest).toBe('/usr/share/nginx/html/');
    const inImage = copies.flatMap((c) =>
      c.sources.map((s) => path.posix.join(c.dest.endsWith('/') ? c.dest : path.posix.dirname(c.dest), path.posix.basename(s))),
    );
    const includes = ['nginx.conf', 'server.conf', 'registry.conf', 'headers.conf'].flatMap((f) =>
      [...readFileSync(path.join(NGINX_CONFIG, f), 'utf8').matchAll(/^\s*include (registry\/[\w.-]+);/gm)].map((m) => `/etc/nginx/${m[1]}`),
    );
    expect(new Set(includes)).toEqual(
      new Set(['/etc/nginx/registry/server.conf', '/etc/nginx/registry/registry.conf', '/etc/nginx/registry/headers.conf']),
    );
    for (const file of includes) expect(inImage, file).toContain(file);
    expect(inImage).toContain('/etc/nginx/nginx.conf');
    // The build context holds only what the image copies.
    expect(readFileSync(path.join(REPO, '.dockerignore'), 'utf8')).toMatch(/^\*\n!deploy\/nginx\/\n!dist\/\n$/m);
  });

  it('fails with the install instruction, never skips, where nginx or its Brotli module is missing', () => {
    expect(() => requireNginx('/nonexistent/nginx')).toThrowErrorMatchingInlineSnapshot(
      `[Error: 找不到 nginx（/nonexistent/nginx）。部署测试需要它：sudo apt-get install -y nginx libnginx-mod-http-brotli-static，或用 NGINX_PATH 指向 nginx。nginx not found: sudo apt-get install -y nginx libnginx-mod-http-brotli-static.]`,
    );
    expect(() => requireNginx(undefined, '/nonexistent/brotli.so')).toThrowErrorMatchingInlineSnapshot(
      `[Error: 找不到 nginx 的 Brotli 预压缩模块（/nonexistent/brotli.so）：sudo apt-get install -y nginx libnginx-mod-http-brotli-static。brotli_static module missing: sudo apt-get install -y nginx libnginx-mod-http-brotli-static.]`,
    );
  });

  it('lays out a configuration that nginx accepts', () => {
    requireNginx();
    const root = mkdtempSync(path.join(os.tmpdir(), 'registry-image-'));
    roots.push(root);
    const etc = path.join(root, 'etc', 'nginx');
    mkdirSync(path.join(etc, 'registry'), { recursive: true });
    // What the Debian package installs, then what the Dockerfile copies.
    copyFileSync('/etc/nginx/mime.types', path.join(etc, 'mime.types'));
    for (const { sources, dest } of copies) {
      if (!dest.startsWith('/etc/nginx/')) continue;
      for (const source of sources) {
        const target = dest.endsWith('/') ? path.join(root, dest, path.basename(source)) : path.join(root, dest);
        copyFileSync(path.join(REPO, source), target);
      }
    }
    // Only the image's /tmp and log folder become this test's own; run as root, nginx needs a user to switch to.
    const conf = path.join(etc, 'nginx.conf');
    let main = readFileSync(conf, 'utf8').replaceAll(' /tmp/', ` ${root}/`).replace('/var/log/nginx/', `${root}/`);
    if (process.getuid?.() === 0) main = `user www-data;\n${main}`;
    writeFileSync(conf, main);
    expect(testConfig(root, conf)).toBe('');
  });
});
