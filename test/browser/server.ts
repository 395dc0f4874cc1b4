/**
 * A static file server for a built site on loopback, under the site's base path. Like a static
 * host, it answers an unknown path with the site's own 404.html (status 404).
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  origin: string;
  /** Absolute URL of a site path (`/units/`) under the base. */
  url(path: string): string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const prefix = base.replace(/\/?$/, '/');
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(prefix)) {
      res.statusCode = 404;
      return res.end('not found');
    }
    req.url = `/${url.slice(prefix.length)}`;
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      const page = path.join(dir, '404.html');
      res.end(existsSync(page) ? readFileSync(page) : '<!doctype html><title>404</title>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (sitePath) => origin + prefix + sitePath.replace(/^\//, ''),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
