/**
 * The printable A4 trust poster of a unit (`/units/<unit>/poster/`) as an escaped HTML string:
 * the unit's official (active) accounts, each with a QR code (a PNG image, src/site/qr.ts) that opens the
 * registry's verify answer for it with the poster's issue date (`posterVerifyUrl`), a QR code of the verify page, and a short warning about impostors with the
 * office's public contact. Styles in src/styles/poster.css.
 */
import type { Registry, Unit } from '../../lib/model.ts';
import { accountPageUrl, posterVerifyUrl } from '../../shared/verify/site-urls.ts';
import { absoluteUrls } from '../absolute.ts';
import { html, SafeHtml } from '../html.ts';
import { platformName } from '../labels.ts';
import { unitHref } from '../url.ts';

/** Title of a unit's poster page. */
export function posterTitle(unit: Unit): string {
  return `${unit.name}官方账号（打印海报）`;
}

/** Meta description of a unit's poster page. */
export function posterDescription(unit: Unit): string {
  return `${unit.name}的政务新媒体官方账号，打印张贴用`;
}

/**
 * The URLs a unit's poster encodes as QR codes: its active accounts' verify answers (issued on the
 * data's as-of day), then the verify page.
 */
export function posterUrls(registry: Registry, unit: Unit, site: string): string[] {
  const absolute = absoluteUrls(site);
  const base = absolute('/');
  const active = (registry.accountsByUnit.get(unit.id) ?? []).filter((a) => a.status === 'active');
  return [...active.map((a) => posterVerifyUrl(base, a, registry.asOf)), absolute('/verify/')];
}

/**
 * The poster of a unit. `site` is the deployment origin; `qr` gives the markup of a URL's QR code
 * (computed elsewhere, possibly ahead of time on another thread).
 */
export function posterBody(registry: Registry, unit: Unit, site: string, qr: (url: string) => string): SafeHtml {
  const absolute = absoluteUrls(site);
  const { office } = registry.site;
  const active = (registry.accountsByUnit.get(unit.id) ?? []).filter((a) => a.status === 'active');
  const columns = active.length <= 6 ? 2 : active.length <= 9 ? 3 : 4;
  const verifyUrl = absolute('/verify/');
  const base = absolute('/');
  const accounts = active.map((a) => {
    const url = accountPageUrl(base, a);
    const platform = registry.platformById.get(a.platform);
    const code = posterVerifyUrl(base, a, registry.asOf);
    return html`<li class="poster-account"><div class="poster-qr" role="img" aria-label="${a.name}的核验二维码">${new SafeHtml(qr(code))}</div><div class="poster-text"><p class="poster-platform">${platformName(registry, a.platform)}</p><p class="poster-name">${a.name}</p><p class="poster-handle">${platform?.handle_label ?? '账号 ID'}：<span class="mono">${a.handle}</span></p>${
      a.filing_number ? html`<p class="poster-filing">备案编号：<span class="mono">${a.filing_number}</span></p>` : ''
    }<p class="poster-url mono">${url}</p></div></li>`;
  });
  const classes = ['poster', columns > 2 ? 'dense' : '', columns === 4 ? 'four-columns' : ''].filter(Boolean).join(' ');
  return html`<div class="poster-help no-print"><p><a href="${unitHref(unit.id)}">‹ 返回${unit.name}</a></p><p>这是一张 A4 海报，可打印后张贴在服务窗口。打印时选择纸张「A4」、缩放「100%」或「适合页面」。</p></div>
<article class="${classes}" aria-labelledby="poster-title"><header class="poster-head"><p class="poster-kicker">${registry.site.region.name}政务新媒体名录</p><h1 id="poster-title">${unit.name}<br>官方账号</h1><p class="poster-sub">认准以下官方账号，谨防仿冒</p>${
    registry.site.sample ? html`<p class="poster-sample">示例数据：账号为虚构，不能用于核验真实账号。</p>` : ''
  }</header>
${
  accounts.length > 0
    ? html`<ul class="poster-accounts">${accounts}</ul>`
    : html`<p class="poster-empty">本单位目前没有在用的政务新媒体账号。以本单位名义开设的账号都不是官方账号。</p>`
}
<section class="poster-warning" aria-labelledby="poster-warning-title"><div class="poster-warning-text"><h2 id="poster-warning-title">谨防仿冒账号</h2><p>仿冒账号可能与官方账号同名、用同样的头像，但账号 ID 不同。请核对平台上显示的<strong>账号 ID</strong>：与上面列出的都不同的，无论名称是否相同，都不是本单位的官方账号。</p><p>不确定时，扫右侧二维码或打开 <span class="mono">${verifyUrl}</span>，输入链接、账号 ID 或名称核验。</p><p>发现仿冒，请向${office.name}举报${
    office.phone ? html`：电话 <span class="mono tel">${office.phone}</span>` : ''
  }${office.email ? html`，邮箱 <span class="mono">${office.email}</span>` : ''}。</p></div><div class="poster-verify"><div class="poster-qr" role="img" aria-label="核验账号页面二维码">${new SafeHtml(
    qr(verifyUrl),
  )}</div><p>扫码核验账号</p></div></section>
<footer class="poster-foot">数据截至 ${registry.asOf} · ${registry.site.title}</footer></article>`;
}
