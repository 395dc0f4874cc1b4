/**
 * The site's public address (src/site/address.ts): site.yaml's `url` or `SITE`, https and a host
 * the public can reach; a build refuses anything else, from either source, with exit code 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSiteAddress, isPublicHost, SiteAddressError, siteAddress } from '../src/site/address.ts';
import { runProgram } from './helpers/exec.ts';
import { AS_OF, makeFixture, REPO, replace } from './helpers/fixture.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Hosts a poster must never point to, as a URL writes them. */
const NOT_PUBLIC = [
  'localhost',
  'LOCALHOST',
  'preview.localhost',
  'xmt.local',
  'intranet',
  '127.0.0.1',
  '127.8.9.10',
  '10.1.2.3',
  '172.16.0.1',
  '172.31.255.254',
  '192.168.1.20',
  '169.254.10.1',
  '0.0.0.0',
  '100.64.1.1',
  '[::1]',
  '[::]',
  '[fe80::1]',
  '[fd12:3456::1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:192.168.0.1]',
];
const PUBLIC = [
  'xmt.dongxiang.example',
  'www.gov.cn',
  '172.15.0.1',
  '172.32.0.1',
  '11.0.0.1',
  '8.8.8.8',
  '[2001:db8::1]',
  '[::ffff:8.8.8.8]',
];

describe('isPublicHost', () => {
  it('refuses loopback, private, link-local and local-network hosts', () => {
    for (const host of NOT_PUBLIC) expect(isPublicHost(new URL(`https://${host}/`).hostname), host).toBe(false);
  });
  it('accepts public names and addresses next to the private ranges', () => {
    for (const host of PUBLIC) expect(isPublicHost(new URL(`https://${host}/`).hostname), host).toBe(true);
  });
});

describe('checkSiteAddress', () => {
  it('explains each refusal in Chinese, naming the source', () => {
    const message = (address: string, source: 'SITE' | 'site.yaml') => {
      try {
        checkSiteAddress(address, source);
      } catch (error) {
        expect(error).toBeInstanceOf(SiteAddressError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${address}`);
    };
    expect(message('http://localhost:4321', 'SITE')).toMatchInlineSnapshot(
      `"网站地址“http://localhost:4321”（环境变量 SITE）不是 https 地址。海报二维码、订阅源和开放数据中的链接都用这个地址，请改为 https:// 开头的公开地址。"`,
    );
    expect(message('https://192.168.1.20/', 'site.yaml')).toMatchInlineSnapshot(
      `"网站地址“https://192.168.1.20/”（data/site.yaml 的 url）是本机或内网地址，公众无法访问，不能写进海报二维码、订阅源和开放数据。请在 data/site.yaml 的 url 中填写名录网站对外公开的 https 地址（本机预览不需要 SITE）。"`,
    );
    expect(message('xmt.example.gov.cn', 'SITE')).toMatchInlineSnapshot(
      `"网站地址“xmt.example.gov.cn”（环境变量 SITE）不是完整的网址。请写成 https://域名/ 的形式，例如 https://xmt.example.gov.cn/。"`,
    );
    expect(message('https://xmt.example.gov.cn/?utm=1', 'SITE')).toContain('不能带用户名、查询参数');
  });
});

describe('siteAddress', () => {
  it('takes SITE over site.yaml, and checks both', () => {
    expect(siteAddress('https://xmt.dongxiang.example/', undefined).href).toBe('https://xmt.dongxiang.example/');
    expect(siteAddress('https://xmt.dongxiang.example/', '').href).toBe('https://xmt.dongxiang.example/');
    expect(siteAddress('https://xmt.dongxiang.example/', 'https://mirror.example/').href).toBe('https://mirror.example/');
    expect(() => siteAddress('https://xmt.dongxiang.example/', 'https://127.0.0.1:4321/')).toThrow(SiteAddressError);
    expect(() => siteAddress('https://localhost/', 'https://mirror.example/')).toThrow(/data\/site\.yaml 的 url/);
  });
});

describe('npm run build with a private address', () => {
  const build = (data: string, env: Record<string, string>) => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'registry-address-')), 'dist');
    roots.push(path.dirname(out));
    return runProgram(
      path.join(REPO, 'node_modules', '.bin', 'tsx'),
      ['scripts/build.ts', '--data', data, '--as-of', AS_OF, '--out', out],
      REPO,
      env,
    );
  };
  it('stops with exit code 1 before building, from SITE or from site.yaml', () => {
    const fromEnv = build(makeFixture(), { SITE: 'http://localhost:4321' });
    expect(fromEnv.code).toBe(1);
    expect(fromEnv.stderr).toContain('环境变量 SITE');
    const fromData = build(makeFixture({ 'site.yaml': replace('url: https://registry.example/', 'url: https://10.0.0.8/') }), { SITE: '' });
    expect(fromData.code).toBe(1);
    expect(fromData.stderr).toContain('是本机或内网地址');
  });
});
