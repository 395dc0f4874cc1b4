/**
 * The verify page in the browser: reads `?q=` and runs the lookup on load, runs it again on
 * submit (keeping the result shareable as `/verify/?q=…`), decodes QR images locally, and
 * renders the verdict (src/shared/verify/explain.ts) into `#verify-result[data-verdict]` with DOM
 * calls and `textContent` only. Shards are fetched from `/verify/<version>/` and kept for the
 * page's lifetime. Written for old WebViews: the bundle targets the browsers listed in
 * astro.config.mjs (`vite.build.target`), with no API newer than Chrome 69 / iOS 12.
 */
import { explain, shownQuery, type Card, type Line, type ResultView } from '../shared/verify/explain.ts';
import type { Shard, VerifyConfig } from '../shared/verify/format.ts';
import { verify } from '../shared/verify/lookup.ts';
import { siteLinks } from '../shared/url.ts';

/** Links under the base Vite compiled into this bundle. */
const { accountHref, href, unitHref } = siteLinks(() => import.meta.env.BASE_URL);

const app = document.getElementById('verify-app');
const form = document.getElementById('verify-form') as HTMLFormElement | null;
const input = document.getElementById('verify-q') as HTMLInputElement | null;
const fileInput = document.getElementById('verify-qr-file') as HTMLInputElement | null;
const status = document.getElementById('verify-status');
const resultBox = document.getElementById('verify-result');

const links = {
  account: (id: string) => accountHref(id),
  unit: (id: string) => unitHref(id),
  impostors: () => href('/impostors/'),
  units: () => href('/units/'),
  closed: () => href('/closed/'),
  verify: (q: string) => `${href('/verify/')}?q=${encodeURIComponent(q)}`,
};

/** Shards fetched so far, by file name. */
const shards = new Map<string, Promise<Shard>>();

function fetchShard(base: string, file: string): Promise<Shard> {
  let p = shards.get(file);
  if (!p) {
    p = fetch(`${base}${file}.json`, { credentials: 'same-origin' }).then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json() as Promise<Shard>;
    });
    // A failed fetch is retried next time.
    p.catch(() => shards.delete(file));
    shards.set(file, p);
  }
  return p;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Appends a line of text and links. */
function appendLine(parent: HTMLElement, line: Line): HTMLElement {
  for (const part of line) {
    if (typeof part === 'string') {
      parent.appendChild(document.createTextNode(part));
      continue;
    }
    let node: HTMLElement;
    if (part.href) {
      const a = el('a', part.code ? 'mono' : undefined, part.text);
      a.href = part.href;
      if (/^https?:/.test(part.href) && !part.href.startsWith(location.origin)) a.rel = 'noopener noreferrer';
      node = a;
    } else if (part.code) node = el('code', undefined, part.text);
    else if (part.strong) node = el('strong', undefined, part.text);
    else node = el('span', undefined, part.text);
    parent.appendChild(node);
  }
  return parent;
}

function renderCard(card: Card): HTMLElement {
  const box = el('div', 'card verify-card');
  const title = appendLine(el('h4', 'verify-card-title'), card.title);
  if (card.badge) {
    title.appendChild(document.createTextNode(' '));
    title.appendChild(
      el(
        'span',
        `badge ${card.badge.tone === 'ok' ? 'active' : card.badge.tone === 'warn' ? 'suspended' : 'deregistered'}`,
        card.badge.text,
      ),
    );
  }
  box.appendChild(title);
  if (card.fields.length) {
    const dl = el('dl', 'fields');
    for (const [label, value] of card.fields) {
      dl.appendChild(el('dt', undefined, label));
      dl.appendChild(appendLine(el('dd'), value));
    }
    box.appendChild(dl);
  }
  return box;
}

function render(view: ResultView, query: string, qr?: string): void {
  if (!resultBox) return;
  while (resultBox.firstChild) resultBox.removeChild(resultBox.firstChild);
  resultBox.setAttribute('data-verdict', view.verdict);
  resultBox.className = `verify-result tone-${view.tone}`;
  resultBox.hidden = false;
  const heading = el('h2', 'verify-headline', view.headline);
  heading.id = 'verify-result-title';
  resultBox.appendChild(heading);
  // What to do, right under the verdict, so it is on the first screen of a phone.
  resultBox.appendChild(appendLine(el('p', 'verify-next'), view.next));
  const asked = el('p', 'verify-query');
  asked.appendChild(document.createTextNode(qr !== undefined ? '二维码内容：' : '核验内容：'));
  asked.appendChild(el('code', undefined, shownQuery(qr ?? query) || '（空白）'));
  resultBox.appendChild(asked);
  for (const line of view.summary) resultBox.appendChild(appendLine(el('p'), line));
  for (const line of view.notes) resultBox.appendChild(appendLine(el('p', 'verify-note'), line));
  for (const group of view.evidence) {
    const section = el('section', 'verify-evidence');
    section.appendChild(el('h3', undefined, group.title));
    for (const card of group.cards) section.appendChild(renderCard(card));
    if (group.note) section.appendChild(appendLine(el('p', 'muted'), group.note));
    resultBox.appendChild(section);
  }
  const next = el('section', 'verify-steps');
  next.appendChild(el('h3', undefined, '下一步'));
  const ol = el('ol');
  for (const step of view.steps) ol.appendChild(appendLine(el('li'), step));
  next.appendChild(ol);
  resultBox.appendChild(next);
  const share = el('p', 'verify-share muted');
  share.appendChild(document.createTextNode('这个结果的链接（可以转发给家人）：'));
  const a = el('a', 'mono', location.href.length > 120 ? `${location.href.slice(0, 120)}…` : location.href);
  a.href = location.href;
  share.appendChild(a);
  resultBox.appendChild(share);
}

function setStatus(text: string): void {
  if (status) status.textContent = text;
}

function showError(message: string): void {
  if (!resultBox) return;
  while (resultBox.firstChild) resultBox.removeChild(resultBox.firstChild);
  resultBox.removeAttribute('data-verdict');
  resultBox.className = 'verify-result tone-info';
  resultBox.hidden = false;
  const heading = el('h2', 'verify-headline', '没有完成核验');
  heading.id = 'verify-result-title';
  resultBox.appendChild(heading);
  resultBox.appendChild(el('p', undefined, message));
}

const pageTitle = document.title;
let config: VerifyConfig | undefined;
let base = '';
let running = 0;

async function run(query: string, focus: boolean, qr?: string): Promise<void> {
  if (!config || !resultBox) return;
  const text = query.trim();
  const ticket = ++running;
  setStatus('正在核验…');
  resultBox.setAttribute('aria-busy', 'true');
  try {
    const issued = new URLSearchParams(location.search).get('issued') ?? undefined;
    const context = issued && queryOfLocation() === query ? { issued } : {};
    const result = await verify(text, config, (file) => fetchShard(base, file), location.origin + href('/'), context);
    if (ticket !== running) return;
    render(explain(result, config, links), text, qr);
    resultBox.setAttribute('data-requests', String(result.requests));
    setStatus('');
    document.title = `核验「${Array.from(text).length > 24 ? `${Array.from(text).slice(0, 24).join('')}…` : text}」 - ${pageTitle}`;
    if (focus) resultBox.focus();
  } catch {
    if (ticket !== running) return;
    setStatus('');
    showError('读取核验数据失败：请检查网络后重试。如果名录刚刚更新，请刷新页面。');
  } finally {
    if (ticket === running) resultBox.removeAttribute('aria-busy');
  }
}

/** The query of the address bar (`?q=`). */
function queryOfLocation(): string {
  return new URLSearchParams(location.search).get('q') ?? '';
}

function setLocation(query: string): void {
  const url = `${location.pathname}?q=${encodeURIComponent(query)}`;
  if (queryOfLocation() !== query) history.pushState(null, '', url);
}

async function onQrFile(): Promise<void> {
  const file = fileInput?.files?.[0];
  if (!file) return;
  setStatus('正在识别二维码…');
  try {
    const { decodeQrFile } = await import('./qr.ts');
    const payload = await decodeQrFile(file);
    if (payload === null) {
      setStatus('');
      showError('没有在图片中找到二维码。请让二维码占满画面、对准焦点后重拍，或换一张更清晰的图片。');
      return;
    }
    if (input) input.value = payload;
    setLocation(payload);
    await run(payload, true, payload);
  } catch {
    setStatus('');
    showError('无法读取这张图片。请换一张图片（JPG 或 PNG）再试。');
  } finally {
    if (fileInput) fileInput.value = '';
  }
}

function start(): void {
  if (!app || !form || !input) return;
  try {
    config = JSON.parse(document.getElementById('verify-config')?.textContent ?? '') as VerifyConfig;
  } catch {
    return;
  }
  base = app.getAttribute('data-shards') ?? '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    setLocation(q);
    void run(q, true);
  });
  fileInput?.addEventListener('change', () => void onQrFile());
  window.addEventListener('popstate', () => {
    const q = queryOfLocation();
    input.value = q;
    if (q) void run(q, false);
  });
  const initial = queryOfLocation();
  if (initial) {
    input.value = initial;
    void run(initial, false);
  }
}

start();
