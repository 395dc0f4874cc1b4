/**
 * Layout checks for phones: horizontal scroll, and table cells narrower than their shortest word.
 * A word is a run of Latin letters and digits (a date, a number, a handle) or two Chinese
 * characters (the shortest Chinese word); a cell narrower than that shows one character per line.
 */
import type { Page } from 'playwright-core';

/** WeChat's in-app browser on Android (version numbers are examples). */
export const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.193 Mobile Safari/537.36 ' +
  'XWEB/1300073 MMWEBSDK/20240301 MMWEBID/1234 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

/** How far the page is wider than the viewport (0 when it does not scroll sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Visible table cells narrower than their content's shortest word: `text (cell px < word px)`. */
export function narrowCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('td, th')) {
      if (cell.offsetParent === null) continue;
      // Visually hidden (a stacked table's header row): one pixel wide on purpose, not shown.
      const section = cell.closest('thead, .visually-hidden');
      if (section && section.getBoundingClientRect().width <= 1) continue;
      const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const words = [...text.matchAll(/[A-Za-z0-9][A-Za-z0-9._@:/-]*|[\p{Script=Han}]{1,2}/gu)].map((m) => m[0]);
      if (words.length === 0) continue;
      const style = getComputedStyle(cell);
      const width = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;';
      cell.append(probe);
      let shortest = Infinity;
      let word = '';
      for (const w of words) {
        if ([...w].length < 2 && words.some((o) => [...o].length >= 2)) continue;
        probe.textContent = w;
        const px = probe.getBoundingClientRect().width;
        if (px < shortest) {
          shortest = px;
          word = w;
        }
      }
      probe.remove();
      if (width + 0.5 < shortest) out.push(`${text.slice(0, 30)}（${Math.round(width)} px < 「${word}」 ${Math.round(shortest)} px）`);
    }
    return out;
  });
}
