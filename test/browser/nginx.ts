/**
 * The real nginx serving a built site with the repository's configuration (deploy/nginx/), as the
 * container image runs it, but as a child process of the tests: on a free loopback port, with its
 * configuration, pid file, logs and temporary files in a temporary folder (a non-root prefix).
 *
 * The configuration is the image's own: `nginx.conf` and `server.conf` are copied with only the
 * lines that name the image's paths replaced (listen port, web root, /tmp), and `registry.conf` and
 * `headers.conf` unchanged. Without nginx the tests fail with the install instruction.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO } from '../helpers/fixture.ts';
import { freePort } from '../helpers/port.ts';

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
export const NGINX_CONFIG = path.join(REPO, 'deploy', 'nginx');

const INSTALL = 'sudo apt-get install -y nginx libnginx-mod-http-brotli-static';

/** Throws the install instruction when nginx or its Brotli module is missing. */
export function requireNginx(nginx = NGINX_PATH, module = BROTLI_MODULE): void {
  if (!existsSync(nginx))
    throw new Error(`找不到 nginx（${nginx}）。部署测试需要它：${INSTALL}，或用 NGINX_PATH 指向 nginx。nginx not found: ${INSTALL}.`);
  if (!existsSync(module))
    throw new Error(`找不到 nginx 的 Brotli 预压缩模块（${module}）：${INSTALL}。brotli_static module missing: ${INSTALL}.`);
}

/** Replaces `from` by `to` in `text`, failing when `from` is absent (the configuration changed). */
function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`deploy/nginx 中找不到 ${from}`);
  return text.split(from).join(to);
}

/** Writes the image's configuration into `<prefix>/conf/` for serving `root` on `port`. */
export function writeConfig(prefix: string, root: string, port: number): string {
  const conf = path.join(prefix, 'conf');
  mkdirSync(path.join(conf, 'registry'), { recursive: true });
  mkdirSync(path.join(prefix, 'tmp'), { recursive: true });
  copyFileSync('/etc/nginx/mime.types', path.join(conf, 'mime.types'));
  for (const file of ['registry.conf', 'headers.conf']) copyFileSync(path.join(NGINX_CONFIG, file), path.join(conf, 'registry', file));
  let server = readFileSync(path.join(NGINX_CONFIG, 'server.conf'), 'utf8');
  server = swap(server, '    listen 8080;\n    listen [::]:8080;\n', `    listen 127.0.0.1:${port};\n`);
  server = swap(server, 'root /usr/share/nginx/html;', `root ${root};`);
  writeFileSync(path.join(conf, 'registry', 'server.conf'), server);
  let main = readFileSync(path.join(NGINX_CONFIG, 'nginx.conf'), 'utf8');
  main = swap(main, ' /tmp/', ` ${path.join(prefix, 'tmp')}/`);
  main = swap(main, 'access_log /var/log/nginx/access.log;', `access_log ${path.join(prefix, 'access.log')};`);
  main = swap(main, 'error_log stderr warn;', `error_log ${path.join(prefix, 'error.log')} warn;`);
  // The image runs as an unprivileged user. A test run as root (CI containers) names the user
  // nginx's workers take, since nginx's default group "nobody" does not exist on Debian.
  if (process.getuid?.() === 0) main = `user www-data;\n${main}`;
  const file = path.join(conf, 'nginx.conf');
  writeFileSync(file, main);
  return file;
}

/** `nginx -t` on a configuration; returns nginx's output (it reports on stderr). */
export function testConfig(prefix: string, file: string): string {
  return execFileSync(NGINX_PATH, ['-p', prefix, '-c', file, '-e', path.join(prefix, 'error.log'), '-t'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Nginx {
  origin: string;
  errorLog(): string;
  close(): Promise<void>;
}

/** Starts nginx in the foreground serving `root`; resolves once it answers. */
export async function startNginx(prefix: string, root: string): Promise<Nginx> {
  requireNginx();
  const port = await freePort();
  const file = writeConfig(prefix, root, port);
  testConfig(prefix, file);
  const child: ChildProcess = spawn(NGINX_PATH, ['-p', prefix, '-c', file, '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const errorLog = () => {
    const log = path.join(prefix, 'error.log');
    return stderr + (existsSync(log) ? readFileSync(log, 'utf8') : '');
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx 没有启动：\n${errorLog()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.once('connect', () => socket.destroy());
    });
    if (up) break;
    if (i > 200) throw new Error(`nginx 在端口 ${port} 上没有应答：\n${errorLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    origin,
    errorLog,
    async close() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
