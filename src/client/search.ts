/**
 * The search page in the browser: reads the form (and `?q=&platform=&kind=&status=` so results
 * can be linked and shared), runs src/client/search-engine.ts on the Pagefind index, and renders
 * the hits in three sections — official, closed, impostors — with "more" buttons. Every value
 * from the index is inserted as text, never as HTML. Pagefind runs on the page's thread (no
 * worker: one download less on a phone). A query is folded as the verify tool folds it:
 * traditional and variant characters simplified (src/shared/normalize.ts, loaded with the index),
 * full-width forms to half-width (src/client/search-tokens.ts), so 東鄉 finds what 东乡 finds.
 * Where search cannot run (no WebAssembly, a WebView whose policy blocks it) the page says so
 * and points to browsing by unit and platform.
 */
import {
  search,
  type AccountHit,
  type Hit,
  type ImpostorHit,
  type PagefindApi,
  type SearchFilters,
  type SearchPage,
  type TierPage,
  type UnitHit,
} from './search-engine.ts';

const STATUS_NAMES: Record<AccountHit['status'], string> = { active: '在用', suspended: '已关停', deregistered: '已注销' };
const TIER_TITLES: Record<string, [string, string]> = {
  '1': ['官方单位和账号', '已备案、正在使用。'],
  '2': ['已关停或注销的账号', '这些账号不再是官方账号，不再发布政务信息。'],
  '3': ['仿冒账号', '这些账号冒充政府部门，不是官方账号，请勿相信其发布的信息。'],
};

interface Page {
  base: string;
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  results: HTMLElement;
  platforms: Map<string, string>;
  kinds: Map<string, string>;
}

/** Creates an element with text content and attributes. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function optionLabels(form: HTMLFormElement, name: string): Map<string, string> {
  const select = form.elements.namedItem(name);
  const map = new Map<string, string>();
  if (select instanceof HTMLSelectElement) for (const o of select.options) if (o.value) map.set(o.value, o.text);
  return map;
}

function accountUrl(page: Page, id: string): string {
  return `${page.base}units/${id}/`;
}

function badge(status: AccountHit['status'] | 'impostor'): HTMLElement {
  return el('span', { class: `badge ${status}` }, status === 'impostor' ? '仿冒' : STATUS_NAMES[status]);
}

function accountItem(page: Page, hit: AccountHit, withUnit: boolean): HTMLElement {
  const li = el('li', {}, el('a', { class: 'entry-title', href: accountUrl(page, hit.id) }, hit.name), ' ', badge(hit.status));
  li.append(
    el(
      'span',
      { class: 'entry-line' },
      `${page.platforms.get(hit.platform) ?? hit.platform} · `,
      el('span', { class: 'mono' }, hit.handle),
    ),
  );
  if (withUnit)
    li.append(el('span', { class: 'entry-line' }, '主办单位：', el('a', { href: `${page.base}units/${hit.unit}/` }, hit.unitName)));
  if (hit.formerNames.length) li.append(el('span', { class: 'entry-line muted' }, `曾用名：${hit.formerNames.join('、')}`));
  if (hit.closed) {
    const line = el('span', { class: 'entry-line' }, `${hit.status === 'suspended' ? '关停' : '注销'}于 ${hit.closed}`);
    if (hit.successor) line.append('，', el('a', { href: accountUrl(page, hit.successor) }, '接替它的账号'));
    li.append(line);
  }
  return li;
}

function unitItem(page: Page, hit: UnitHit): HTMLElement {
  const li = el(
    'li',
    { class: 'unit-hit' },
    el('a', { class: 'entry-title', href: `${page.base}units/${hit.unit}/` }, hit.name),
    ' ',
    el('span', { class: 'muted' }, page.kinds.get(hit.kind) ?? ''),
  );
  if (hit.accounts.length) {
    li.append(
      el(
        'span',
        { class: 'entry-line' },
        hit.group === 'u' ? `在用账号 ${hit.accounts.length} 个：` : `已停用的账号 ${hit.accounts.length} 个：`,
      ),
    );
    const list = el('ul', { class: 'entries nested' });
    for (const a of hit.accounts) list.append(accountItem(page, a, false));
    li.append(list);
  } else if (hit.group === 'u') {
    li.append(el('span', { class: 'entry-line muted' }, '目前没有在用的账号。'));
  }
  if (hit.closedCount) li.append(el('span', { class: 'entry-line muted' }, `另有 ${hit.closedCount} 个已关停或注销的账号，见单位页面。`));
  return li;
}

function impostorItem(page: Page, hit: ImpostorHit): HTMLElement {
  const li = el('li', {}, el('a', { class: 'entry-title', href: `${page.base}impostors/#${hit.id}` }, hit.name), ' ', badge('impostor'));
  const line = el('span', { class: 'entry-line' }, page.platforms.get(hit.platform) ?? hit.platform);
  if (hit.handle) line.append(' · ', el('span', { class: 'mono' }, hit.handle));
  li.append(line);
  const target = hit.imitates.includes('/') ? accountUrl(page, hit.imitates) : `${page.base}units/${hit.imitates}/`;
  li.append(el('span', { class: 'entry-line' }, '冒充：', el('a', { href: target }, hit.imitatesName)));
  li.append(el('span', { class: 'entry-line' }, hit.removed ? `已于 ${hit.removed} 被平台处置` : `${hit.found} 发现，仍在线，请勿关注`));
  return li;
}

function hitItem(page: Page, hit: Hit): HTMLElement {
  if (hit.type === 'unit') return unitItem(page, hit);
  if (hit.type === 'impostor') return impostorItem(page, hit);
  return accountItem(page, hit, true);
}

/** Renders a tier's first hits as a section, with a button that loads more. */
function renderTier(page: Page, { tier, hits }: TierPage): void {
  const [title, note] = TIER_TITLES[tier.tier] ?? ['', ''];
  const list = el('ul', { class: 'entries' });
  for (const hit of hits) list.append(hitItem(page, hit));
  const section = el(
    'section',
    { class: `tier tier-${tier.tier}`, 'data-tier': tier.tier },
    el('h2', {}, title),
    el('p', { class: 'muted' }, note),
    list,
  );
  if (tier.more) {
    const more = el('button', { type: 'button', class: 'more' }, '显示更多');
    more.addEventListener('click', async () => {
      more.disabled = true;
      // Narrowing to single accounts can leave a batch of records without hits: load until something shows.
      let added = 0;
      while (added === 0 && tier.more) {
        const next = await tier.next();
        for (const hit of next) list.append(hitItem(page, hit));
        added += next.length;
      }
      more.disabled = false;
      if (!tier.more) more.remove();
    });
    section.append(more);
  }
  page.results.append(section);
}

function readFilters(form: HTMLFormElement): SearchFilters {
  const data = new FormData(form);
  const filters: SearchFilters = {};
  const platform = String(data.get('platform') ?? '');
  const kind = String(data.get('kind') ?? '');
  const status = String(data.get('status') ?? '');
  if (platform) filters.platform = platform;
  if (kind) filters.kind = kind;
  if (status === 'active' || status === 'closed' || status === 'impostor') filters.status = status;
  return filters;
}

/** Puts the query and filters in the address, so the results can be shared and survive "back". */
function rememberQuery(form: HTMLFormElement): void {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v) params.set(k, v);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

function looksLikeLink(text: string): boolean {
  return /^\s*(https?:\/\/|www\.)|^\s*[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(text);
}

function renderEmpty(page: Page, query: string): void {
  const verify = `${page.base}verify/?q=${encodeURIComponent(query)}`;
  page.results.append(
    el(
      'div',
      { class: 'verdict warning' },
      el('p', {}, el('strong', {}, `没有找到与“${query}”相关的单位或账号。`)),
      el(
        'p',
        {},
        '如果这是一个自称政府部门的账号，它可能不是官方账号。可以用',
        el('a', { href: verify }, '核验工具'),
        '检查账号名称、账号 ID 或链接，或',
        el('a', { href: `${page.base}units/` }, '按单位浏览'),
        '。',
      ),
    ),
  );
}

interface Engine {
  pagefind: PagefindApi;
  simplify(text: string): string;
}

let loading: Promise<Engine> | undefined;
/** Loads pagefind.js from the site (never from another origin) and the traditional → simplified fold. */
function engine(base: string): Promise<Engine> {
  loading ??= (async () => {
    if (typeof WebAssembly !== 'object') throw new Error('no WebAssembly');
    const [module, normalize] = await Promise.all([
      import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<{
        createInstance(options: Record<string, unknown>): PagefindApi;
      }>,
      import('../shared/normalize.ts'),
    ]);
    return { pagefind: module.createInstance({ basePath: `${base}pagefind/`, noWorker: true }), simplify: normalize.toSimplified };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Search cannot run in this browser: say so, and where to browse instead. */
function renderUnavailable(page: Page): void {
  page.status.textContent = '';
  page.results.replaceChildren(
    el(
      'div',
      { class: 'verdict warning', 'data-search-unavailable': '' },
      el('p', {}, el('strong', {}, '搜索无法在这个浏览器中运行。')),
      el(
        'p',
        {},
        '可以改为',
        el('a', { href: `${page.base}units/` }, '按单位浏览全部账号'),
        '或',
        el('a', { href: `${page.base}platforms/` }, '按平台浏览全部账号'),
        '；要核对一个账号，请用',
        el('a', { href: `${page.base}verify/` }, '核验工具'),
        '。',
      ),
    ),
  );
}

/** What the results hold, as shown: "找到 1 个单位、12 个账号"; "先显示…" when more can be loaded. */
function countText(tiers: readonly TierPage[]): string {
  let units = 0;
  let accounts = 0;
  let impostors = 0;
  for (const { hits } of tiers)
    for (const hit of hits) {
      if (hit.type === 'unit') {
        units++;
        accounts += hit.accounts.length;
      } else if (hit.type === 'impostor') impostors++;
      else accounts++;
    }
  const parts = [units && `${units} 个单位`, accounts && `${accounts} 个账号`, impostors && `${impostors} 个仿冒账号`].filter(Boolean);
  return tiers.some((t) => t.tier.more) ? `先显示 ${parts.join('、')}，还有更多` : `找到 ${parts.join('、')}`;
}

let generation = 0;
async function run(page: Page): Promise<void> {
  const query = page.input.value.trim();
  const mine = ++generation;
  page.results.replaceChildren();
  if (!query) {
    page.status.textContent = '';
    return;
  }
  page.status.textContent = '正在搜索…';
  let result: SearchPage;
  let loaded: Engine;
  try {
    loaded = await engine(page.base);
  } catch {
    if (mine === generation) renderUnavailable(page);
    return;
  }
  try {
    result = await search(loaded.pagefind, loaded.simplify(query), readFilters(page.form));
  } catch {
    if (mine === generation) page.status.textContent = '搜索出错了，请重新搜索，或按单位浏览。';
    return;
  }
  if (mine !== generation) return;
  page.results.replaceChildren();
  // A link is for the verify tool, which knows every form of every platform's addresses.
  if (looksLikeLink(query)) {
    page.results.append(
      el(
        'p',
        { class: 'verdict' },
        '要检查一个链接是不是官方账号，请用',
        el('a', { href: `${page.base}verify/?q=${encodeURIComponent(query)}` }, '核验工具'),
        '。',
      ),
    );
  }
  if (result.tiers.length === 0) {
    page.status.textContent = '';
    renderEmpty(page, query);
    return;
  }
  page.status.textContent = result.relaxed
    ? `没有与“${query}”完全一致的结果，以下是相近的结果：${countText(result.tiers)}`
    : `“${query}”：${countText(result.tiers)}`;
  for (const tier of result.tiers) renderTier(page, tier);
}

function start(): void {
  const root = document.getElementById('search');
  const form = root?.querySelector('form');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root?.querySelector<HTMLElement>('[role="status"]');
  const results = root?.querySelector<HTMLElement>('.search-results');
  if (!root || !form || !input || !status || !results) return;
  const page: Page = {
    base: root.dataset.base ?? '/',
    form,
    input,
    status,
    results,
    platforms: optionLabels(form, 'platform'),
    kinds: optionLabels(form, 'kind'),
  };

  const params = new URLSearchParams(location.search);
  for (const name of ['q', 'platform', 'kind', 'status']) {
    const field = form.elements.namedItem(name);
    const value = params.get(name);
    if (value && (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) field.value = value;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let composing = false;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      rememberQuery(form);
      void run(page);
    }, 250);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    rememberQuery(form);
    void run(page);
  });
  // Typing Chinese goes through an input method: search once a character is chosen, not on every keystroke of its pinyin.
  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => {
    composing = false;
    soon();
  });
  input.addEventListener('input', () => {
    if (!composing) soon();
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) soon();
  });
  // Filters start folded on a phone so results begin on the first screen; open when one is set.
  const more = root.querySelector<HTMLDetailsElement>('details.search-more');
  if (more && (window.matchMedia('(min-width: 40rem)').matches || ['platform', 'kind', 'status'].some((n) => params.get(n))))
    more.open = true;
  root.classList.add('ready');
  if (typeof WebAssembly !== 'object') renderUnavailable(page);
  else if (input.value.trim()) void run(page);
  // Opened with a query the reader looks at results; the keyboard would cover them.
  else input.focus();
}

start();
