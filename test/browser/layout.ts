/**
 * Layout checks for phones: horizontal scroll, and table cells narrower than their shortest word.
 * A word is a run of Latin letters and digits (a date, a number, a handle) or two Chinese
 * characters (the shortest Chinese word); a cell narrower than that shows one character per line.
 * A word wider than its whole table (a long link) has to break wherever it is, and is not counted.
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

/** Visible table cells narrower than their content's shortest word, or whose content overflows them. */
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
      // A word wider than the whole table (a long link) breaks in any cell: only the others count.
      const tableWidth = cell.closest('table')?.clientWidth ?? Infinity;
      let shortest = Infinity;
      let word = '';
      for (const w of words) {
        if ([...w].length < 2 && words.some((o) => [...o].length >= 2)) continue;
        probe.textContent = w;
        const px = probe.getBoundingClientRect().width;
        if (px < shortest && px <= tableWidth) {
          shortest = px;
          word = w;
        }
      }
      probe.remove();
      if (word && width + 0.5 < shortest)
        out.push(`${text.slice(0, 30)}（${Math.round(width)} px < 「${word}」 ${Math.round(shortest)} px）`);
      // Content wider than its cell runs over the next one.
      else if (cell.scrollWidth > cell.clientWidth + 1) out.push(`${text.slice(0, 30)}（溢出 ${cell.scrollWidth - cell.clientWidth} px）`);
    }
    return out;
  });
}

/** WCAG contrast ratio of two CSS colours (`rgb(…)`/`rgba(…)`, opaque). */
function contrastOf(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * Tabs through the first `max` focusable elements of the page and returns those whose focus
 * ring is missing, thinner than 2 px, or below 3:1 contrast with the background it is drawn on
 * (the nearest opaque background around the element).
 */
export async function weakFocusRings(page: Page, max = 40): Promise<string[]> {
  const weak: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      let bg = 'rgb(255, 255, 255)';
      for (let node = el.parentElement; node; node = node.parentElement) {
        const c = getComputedStyle(node).backgroundColor;
        if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) {
          bg = c;
          break;
        }
      }
      const label = `${el.tagName.toLowerCase()} 「${(el.textContent ?? '').trim().slice(0, 20) || el.getAttribute('aria-label') || el.id}」`;
      return { label, style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, bg };
    });
    if (!ring || seen.has(ring.label)) continue;
    seen.add(ring.label);
    const ratio = contrastOf(ring.color, ring.bg);
    if (ring.style === 'none' || ring.width < 2 || ratio < 3)
      weak.push(`${ring.label}: ${ring.style} ${ring.width}px ${ring.color} on ${ring.bg} (${ratio.toFixed(2)}:1)`);
  }
  return weak;
}

/** Links whose whole text does not say where they go (「查看」「这里」「更多」…). */
export function vagueLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href]')]
      .map((a) => (a.textContent ?? '').replace(/\s+/g, ''))
      .filter((t) => /^(查看|点击|点击这里|这里|此处|更多|详情|链接|打开|进入|>>|»)$/.test(t)),
  );
}

/**
 * Items of a wrapping row (the children of `selector`) that start a new line although they would
 * have fitted at the end of the line before, with the spacing the row uses between its items,
 * inside the main column (main's content box): a line wrapped sooner than it needs to.
 */
export function earlyWraps(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const row = document.querySelector(selector);
    const main = document.querySelector('main');
    if (!row || !main) return [`${selector} or main not found`];
    const style = getComputedStyle(main);
    const right = main.getBoundingClientRect().right - parseFloat(style.paddingRight);
    const items = [...row.children].map((e) => ({ text: (e.textContent ?? '').trim(), box: e.getBoundingClientRect() }));
    const gaps: number[] = [];
    for (let i = 1; i < items.length; i++)
      if (Math.abs(items[i]!.box.top - items[i - 1]!.box.top) < 1) gaps.push(items[i]!.box.left - items[i - 1]!.box.right);
    if (gaps.length === 0) return [];
    const gap = Math.min(...gaps);
    const early: string[] = [];
    for (let i = 1; i < items.length; i++) {
      const [before, item] = [items[i - 1]!, items[i]!];
      if (item.box.top - before.box.top >= 1 && before.box.right + gap + item.box.width <= right - 0.5)
        early.push(
          `「${item.text}」 fits after 「${before.text}」 (${Math.round(before.box.right + gap + item.box.width)} ≤ ${Math.round(right)} px)`,
        );
    }
    return early;
  }, selector);
}
