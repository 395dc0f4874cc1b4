/**
 * The site's public address: `url` of data/site.yaml, or the `SITE` environment variable for one
 * build. Posters print it in QR codes, the Atom feed, the canonical links and the `page` fields of
 * the open data are made from it, so a build refuses an address the public cannot reach: not
 * https, or a loopback, private, link-local or local-network host (a poster whose QR code leads to
 * `http://localhost:4321` leads nowhere).
 */
import { BlockList, isIP } from 'node:net';

/** Where an address came from, as the error names it. */
export type AddressSource = 'SITE' | 'site.yaml';

export class SiteAddressError extends Error {}

/** Networks the public cannot reach (RFC 1918, RFC 6890 special-purpose, link-local, unique local). */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** Whether a URL host (as `URL.hostname` gives it: IPv6 in brackets) is one the public can reach. */
export function isPublicHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === '' || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return false;
  // One label (`intranet`, `server1`) resolves only inside an organisation's own network.
  if (!host.includes('.') && !host.includes(':')) return false;
  const kind = isIP(host);
  if (kind === 4) return !NOT_PUBLIC.check(host, 'ipv4');
  if (kind === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
    if (mapped) return !NOT_PUBLIC.check(mapped, 'ipv4');
    // `URL` writes an IPv4-mapped address in hex (`::ffff:7f00:1`).
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (hex) {
      const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
      return !NOT_PUBLIC.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
    }
    return !NOT_PUBLIC.check(host, 'ipv6');
  }
  return true;
}

const FROM: Record<AddressSource, string> = { SITE: '环境变量 SITE', 'site.yaml': 'data/site.yaml 的 url' };

/** Checks one address; returns it as a URL (origin and path, no query or fragment). */
export function checkSiteAddress(address: string, source: AddressSource): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new SiteAddressError(
      `网站地址“${address}”（${FROM[source]}）不是完整的网址。请写成 https://域名/ 的形式，例如 https://xmt.example.gov.cn/。`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new SiteAddressError(
      `网站地址“${address}”（${FROM[source]}）不是 https 地址。海报二维码、订阅源和开放数据中的链接都用这个地址，请改为 https:// 开头的公开地址。`,
    );
  }
  if (!isPublicHost(url.hostname)) {
    throw new SiteAddressError(
      `网站地址“${address}”（${FROM[source]}）是本机或内网地址，公众无法访问，不能写进海报二维码、订阅源和开放数据。` +
        '请在 data/site.yaml 的 url 中填写名录网站对外公开的 https 地址（本机预览不需要 SITE）。',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new SiteAddressError(`网站地址“${address}”（${FROM[source]}）只能包含协议、域名和路径，不能带用户名、查询参数（?）或锚点（#）。`);
  }
  return url;
}

/**
 * The address of a build: `SITE` when set (not empty), else site.yaml's `url`. Both are checked
 * (an unusable site.yaml address is an error even when `SITE` overrides it for this build).
 */
export function siteAddress(fromSiteYaml: string, fromEnv: string | undefined): URL {
  const own = checkSiteAddress(fromSiteYaml, 'site.yaml');
  return fromEnv ? checkSiteAddress(fromEnv, 'SITE') : own;
}
