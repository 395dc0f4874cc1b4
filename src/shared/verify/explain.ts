/**
 * The verdict in plain Chinese: a headline, what it means, the evidence (which record, since
 * when, closure notice, successor, the account an impostor imitates) and what to do next (follow
 * the official link; report to the platform and to the county office with its public contact).
 * Produces a view model of text and links only; the page renders it with `textContent`, so no
 * data is ever parsed as HTML.
 */
import { lookupKey } from '../normalize.ts';
import { folderOf } from './fold.ts';
import type { AccountBrief, AccountRec, ImpostorRec, OfficeInfo, PlatformInfo, UnitRec, VerifyConfig } from './format.ts';
import type { Lookalike, Match, UrlHint, VerifyResult } from './lookup.ts';
import type { QueryNote } from './query.ts';

/** A piece of text, possibly a link or a code value. */
export interface Inline {
  text: string;
  href?: string;
  /** Shown as a code value (handles, URLs). */
  code?: boolean;
  strong?: boolean;
}
export type Line = (string | Inline)[];

/** One record shown as evidence. */
export interface Card {
  title: Line;
  /** Status badge: text and tone. */
  badge?: { text: string; tone: 'ok' | 'warn' | 'bad' };
  fields: [label: string, value: Line][];
}

export interface EvidenceGroup {
  title: string;
  cards: Card[];
  /** A remark under the group (a cut list…). */
  note?: Line;
}

export interface ResultView {
  verdict: VerifyResult['verdict'];
  tone: 'ok' | 'warn' | 'bad' | 'info';
  headline: string;
  /** One sentence of what to do, shown right under the headline (test/verify-phone.test.ts). */
  next: Line;
  summary: Line[];
  evidence: EvidenceGroup[];
  /** What the normaliser changed in the query. */
  notes: Line[];
  steps: Line[];
}

/** Links into the site (under its base path). */
export interface SiteLinks {
  account(id: string): string;
  unit(id: string): string;
  impostors(): string;
  units(): string;
  closed(): string;
  verify(query: string): string;
}

/** `2025-03-17` → `2025 年 3 月 17 日`. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]} 年 ${Number(m[2])} 月 ${Number(m[3])} 日` : date;
}

const STATUS_TEXT = { active: '在用', suspended: '已关停', deregistered: '已注销' } as const;
const STATUS_TONE = { active: 'ok', suspended: 'warn', deregistered: 'bad' } as const;

const NOTE_TEXT: Record<Exclude<QueryNote, 'extracted' | 'tracking'>, string> = {
  invisible: '你输入的内容里有看不见的字符，核验时已忽略。仿冒账号常在名称里夹带这类字符，让名称看起来和官方一样。',
  fullwidth: '你输入的内容里有全角字母或数字，核验时已按半角处理。',
  traditional: '你输入的内容里有繁体字或异体字，核验时已按简体处理。',
  confusable: '你输入的内容里有外形像英文字母的西里尔或希腊字母，核验时已按英文字母处理。平台账号 ID 不会使用这类字母：这是仿冒手法。',
  label: '已去掉「微信号：」等前缀，只核验后面的账号 ID。',
};

/** How to report an account inside each platform's app. */
const REPORT_IN_APP: Record<string, string> = {
  wechat: '在公众号主页点右上角「…」，选择「投诉」',
  channels: '在视频号主页点右上角「…」，选择「投诉」',
  miniprogram: '在小程序右上角点「…」，选择「投诉与反馈」',
  weibo: '在微博主页点右上角「…」，选择「投诉」',
  douyin: '在抖音主页点右上角「…」，选择「举报」',
  kuaishou: '在快手主页点右上角「…」，选择「举报」',
  toutiao: '在头条主页点右上角「…」，选择「举报」',
  bilibili: '在 B 站空间页点右上角「…」，选择「举报」',
  xiaohongshu: '在小红书主页点右上角「…」，选择「举报」',
  app: '向下载它的应用商店举报',
};

const HOW_MATCHED: Record<string, string> = {
  url: '链接',
  ident: '登记的标识（原始 ID、二维码内容等）',
  handle: '账号 ID',
  fhandle: '以前的账号 ID',
  name: '名称',
  fname: '以前的名称',
  uname: '单位名称',
  filing: '备案编号',
  page: '名录网站上的账号页面链接',
};

/** Builds the view of a result. */
export function explain(result: VerifyResult, config: VerifyConfig, links: SiteLinks): ResultView {
  const platformById = new Map(config.platforms.map((p) => [p.id, p]));
  const platform = (id: string | undefined): PlatformInfo | undefined => (id ? platformById.get(id) : undefined);
  const pname = (id: string | undefined) => platform(id)?.name ?? id ?? '';
  const label = (id: string | undefined) => platform(id)?.handle_label ?? '账号 ID';
  const q = shownQuery(result.query.display);
  const ctx = { config, links, pname, label };

  const notes: Line[] = [];
  for (const note of result.query.notes) {
    if (note === 'extracted' || note === 'tracking') {
      if (result.query.url && !notes.some((n) => n[0] === URL_NOTE))
        notes.push([URL_NOTE, { text: result.query.url.canonical, code: true }]);
    } else notes.push([NOTE_TEXT[note]]);
  }

  const view = (() => {
    switch (result.verdict) {
      case 'official':
        return official(result, ctx);
      case 'former':
        return former(result, ctx);
      case 'closed':
        return closed(result, ctx);
      case 'impostor':
        return impostor(result, ctx);
      case 'lookalike':
        return lookalike(result, ctx);
      default:
        return unknown(result, q, ctx);
    }
  })();
  const poster = posterLine(result);
  if (poster) view.summary.unshift(poster);
  return { verdict: result.verdict, notes, next: nextStep(result, ctx), ...view };
}

/** Longest query shown back in full; longer ones are cut (a pasted message can run to 2,000 characters). */
const SHOWN_QUERY_CHARS = 60;

/** A query as shown back: cut to `SHOWN_QUERY_CHARS` characters with its length when longer. */
export function shownQuery(text: string): string {
  const chars = Array.from(text);
  return chars.length > SHOWN_QUERY_CHARS
    ? `${chars.slice(0, SHOWN_QUERY_CHARS).join('')}…（共 ${chars.length} 字，已省略后面部分）`
    : text;
}

/** What a platform calls its account ID, named once: 抖音号, 微信号, 哔哩哔哩 UID (never 抖音抖音号). */
export function idLabel(platformName: string, label: string): string {
  return platformName.includes(label.slice(0, 2)) ? label : `${platformName} ${label}`;
}

/** The one sentence under the headline: what to do now. */
function nextStep(result: VerifyResult, ctx: Ctx): Line {
  const rec = result.primary?.rec;
  switch (result.verdict) {
    case 'official': {
      const a = rec as AccountRec;
      if (result.primary?.kind === 'name')
        return ['下一步：名称可以被复制，请在平台上核对账号 ID 与下面的登记一致；不一致的不是官方账号。'];
      return [`下一步：可以放心关注和使用这个账号${a.l ? '，最好通过下面的官方链接进入' : ''}。`];
    }
    case 'former': {
      const a = rec as AccountRec;
      const now = a.s === 'active' ? a : a.su;
      return now
        ? [
            '下一步：请改为关注现在的账号',
            { text: `「${now.n}」`, href: ctx.links.account(now.id) },
            '；仍用旧名称的其他账号不是官方账号。',
          ]
        : ['下一步：这个账号已停用，仍用这个名称发布信息的账号不是官方账号。'];
    }
    case 'closed': {
      const a = rec as AccountRec;
      return a.su
        ? ['下一步：不要再通过它获取信息，请改为关注', { text: `「${a.su.n}」`, href: ctx.links.account(a.su.id) }, '。']
        : ['下一步：不要再通过它获取信息，请在名录中查看该单位现在的账号。'];
    }
    case 'impostor':
      return ['下一步：不要关注、转发或付款，请在平台上举报它。'];
    case 'lookalike':
      return ['下一步：把这个账号的主页链接或账号 ID 粘贴到上面再核验；与官方账号 ID 对不上的，就不是官方账号。'];
    default:
      if (result.hint === 'empty') return ['下一步：请输入账号主页链接、账号 ID（微信号、抖音号等）、备案编号或账号名称。'];
      if (result.hint === 'too-general')
        return ['下一步：查询太笼统，请输入完整的账号名称（例如「多彩东乡」），最好是账号 ID 或主页链接。'];
      if (result.hint === 'credentials' || result.hint === 'lookalike-host')
        return ['下一步：不要打开这个链接，也不要在其中输入任何信息。'];
      return ['下一步：换用账号 ID 或主页链接再核验；仍然找不到的，不要把它当作官方账号。'];
  }
}

/** A warning when a poster's verify link is older than the account's last change (test/verify-proof.test.ts). */
function posterLine(result: VerifyResult): Line | undefined {
  const issued = result.query.issued;
  const rec = result.primary?.rec;
  if (!issued || !rec || rec.t !== 'a') return undefined;
  if (rec.lc && rec.lc > issued)
    return [
      { text: `这张海报印制于 ${chineseDate(issued)}，之后账号有变更（${chineseDate(rec.lc)}）`, strong: true },
      '：海报上的名称、账号 ID 或状态可能已经过时，请以下面的名录登记为准。',
    ];
  return [`这张海报印制于 ${chineseDate(issued)}，此后账号没有变更。`];
}

/** The protection of a former name (test/verify-proof.test.ts). */
const FORMER_NAME_LINE = '这是官方账号的曾用名；如果现在有账号使用这个名称，它不是官方账号。';

const URL_NOTE = '已整理你给出的链接（去掉分享跟踪参数、统一手机版和电脑版网址）：';

interface Ctx {
  config: VerifyConfig;
  links: SiteLinks;
  pname(id: string | undefined): string;
  label(id: string | undefined): string;
}

type Partial = Omit<ResultView, 'verdict' | 'notes' | 'next'>;

function quoted(text: string): Inline {
  return { text: `「${text}」`, strong: true };
}

/** The evidence card of a registered account. */
function accountCard(a: AccountRec | AccountBrief, ctx: Ctx): Card {
  const fields: Card['fields'] = [
    ['平台', [ctx.pname(a.p)]],
    [ctx.label(a.p), [{ text: a.h, code: true }]],
  ];
  if ('t' in a) {
    fields.push(['主办单位', [a.u]]);
    fields.push(['认证主体', [a.nv ? '未认证' : (a.v ?? a.u)]]);
    if (a.b) fields.push(['备案编号', [{ text: a.b, code: true }]]);
    fields.push(['开设日期', [chineseDate(a.o)]]);
    if (a.c) fields.push([a.s === 'suspended' ? '关停日期' : '注销日期', [chineseDate(a.c)]]);
    if (a.fn?.length)
      fields.push(['曾用名', a.fn.flatMap(([name, until], i) => [...(i ? ['；'] : []), `「${name}」（至 ${chineseDate(until)}）`])]);
    if (a.fh?.length)
      fields.push([
        `曾用${ctx.label(a.p)}`,
        a.fh.flatMap(([h, until], i) => [...(i ? ['；'] : []), { text: h, code: true }, `（至 ${chineseDate(until)}）`]),
      ]);
  }
  if (a.l && a.s === 'active') fields.push(['官方链接', [{ text: a.l, href: a.l, code: true }]]);
  else if (a.l) fields.push(['原链接', [{ text: a.l, code: true }]]);
  fields.push(['名录登记', [{ text: '查看登记信息', href: ctx.links.account(a.id) }]]);
  return { title: [a.n], badge: { text: STATUS_TEXT[a.s], tone: STATUS_TONE[a.s] }, fields };
}

function impostorCard(i: ImpostorRec, ctx: Ctx): Card {
  const fields: Card['fields'] = [['平台', [ctx.pname(i.p)]]];
  if (i.h) fields.push([ctx.label(i.p), [{ text: i.h, code: true }]]);
  // The impostor's link is shown as text, never as a link to follow.
  if (i.l) fields.push(['链接（请勿打开）', [{ text: i.l, code: true }]]);
  fields.push(['发现日期', [chineseDate(i.f)]]);
  fields.push(['向平台举报', [i.r ? chineseDate(i.r) : '尚未举报']]);
  fields.push(['平台处置', [i.m ? `${chineseDate(i.m)}已关闭` : '尚未处置，仍在线']]);
  fields.push(['仿冒账号名单', [{ text: '查看全部仿冒账号', href: ctx.links.impostors() }]]);
  return { title: [i.n], badge: { text: '仿冒', tone: 'bad' }, fields };
}

function unitCard(u: UnitRec, ctx: Ctx): Card {
  return {
    title: [u.n],
    fields: [
      ['在用账号', [`${u.k} 个`]],
      ['名录登记', [{ text: '查看该单位的全部账号', href: ctx.links.unit(u.id) }]],
    ],
  };
}

/** Where and how to report to the county office. */
function officeLine(office: OfficeInfo): Line {
  const line: Line = [`向${office.name}反映`];
  const ways: Line = [];
  if (office.phone) ways.push('电话 ', { text: office.phone, href: `tel:${office.phone.replace(/[^\d+]/g, '')}` });
  if (office.email) ways.push(ways.length ? '，邮箱 ' : '邮箱 ', { text: office.email, href: `mailto:${office.email}` });
  if (office.report_url) ways.push(ways.length ? '，网上举报 ' : '网上举报 ', { text: office.report_url, href: office.report_url });
  if (ways.length) line.push('（', ...ways, '）');
  line.push('。');
  return line;
}

function reportSteps(platformId: string | undefined, ctx: Ctx): Line[] {
  const inApp = platformId ? REPORT_IN_APP[platformId] : undefined;
  return [
    [`向平台举报：${inApp ?? '在该账号主页点右上角「…」，选择「投诉」或「举报」'}，理由选「冒充他人」或「仿冒政府机构」。`],
    officeLine(ctx.config.office),
    ['涉及诈骗、钱财损失的，请立即拨打 110 报警；违法和不良信息也可以向网信部门举报（电话 12377）。'],
  ];
}

function others(result: VerifyResult): Match[] {
  return result.others.filter((m) => m.rec !== result.primary?.rec);
}

function cutNote(result: VerifyResult, shown: number): Line | undefined {
  return result.total && result.total > shown
    ? [`共有 ${result.total} 条登记记录与之一致，这里只列出 ${shown} 条：请用账号 ID 或链接核验。`]
    : undefined;
}

function official(result: VerifyResult, ctx: Ctx): Partial {
  const primary = result.primary!;
  const a = primary.rec as AccountRec;
  const same = others(result).filter((m) => m.rec.t === 'a');
  const byName = primary.kind === 'name';
  if (byName) {
    const active = [a, ...same.filter((m) => m.rec.t === 'a' && m.rec.s === 'active').map((m) => m.rec as AccountRec)];
    const closedOnes = same.filter((m) => m.rec.t === 'a' && m.rec.s !== 'active').map((m) => m.rec as AccountRec);
    const impostors = result.others.filter((m) => m.rec.t === 'i').map((m) => m.rec as ImpostorRec);
    const evidence: EvidenceGroup[] = [
      {
        title: active.length > 1 ? `使用这个名称的官方账号（${active.length} 个）` : '使用这个名称的官方账号',
        cards: accountCards(active, ctx),
        ...optionalNote(cutNote(result, result.others.length + 1)),
      },
    ];
    if (closedOnes.length) evidence.push({ title: '同名的已关停或注销账号', cards: closedOnes.map((x) => accountCard(x, ctx)) });
    if (impostors.length) evidence.push({ title: '同名的仿冒账号', cards: impostors.map((x) => impostorCard(x, ctx)) });
    const handles: Line = [];
    active
      .slice(0, 4)
      .forEach((x, i) => handles.push(...(i ? ['、'] : []), `${idLabel(ctx.pname(x.p), ctx.label(x.p))} `, { text: x.h, code: true }));
    return {
      tone: 'warn',
      headline: '名称与官方账号一致——请再核对账号 ID',
      summary: [
        [quoted(a.n), `是名录中${active.length > 1 ? ` ${active.length} 个` : ''}官方账号的名称（${a.u}）。`],
        [
          '但名称可以被复制：仿冒账号常常使用和官方完全相同的名称与头像。请在平台上打开这个账号的主页，核对它的账号 ID 和认证主体是否与下面的登记一致。',
        ],
        ['官方账号 ID：', ...handles, active.length > 4 ? ' 等。' : '。'],
      ],
      evidence,
      steps: [
        ['把账号主页的链接、账号 ID 或二维码粘贴到上面再核验一次：链接和账号 ID 是唯一的，名称不是。'],
        ['账号 ID 不一致的，就不是官方账号：', ...reportSteps(a.p, ctx)[0]!],
        officeLine(ctx.config.office),
      ],
    };
  }
  const how = HOW_MATCHED[primary.kind] ?? '登记信息';
  const evidence: EvidenceGroup[] = [{ title: '名录登记', cards: [accountCard(a, ctx)] }];
  if (same.length)
    evidence.push({
      title: `同一${how}还登记在`,
      cards: same.map((m) => accountCard(m.rec as AccountRec, ctx)),
      ...optionalNote(cutNote(result, same.length + 1)),
    });
  return {
    tone: 'ok',
    headline: '这是备案的官方账号',
    summary: [
      [quoted(a.n), `是${a.u}在${ctx.pname(a.p)}上备案的官方账号，${chineseDate(a.o)}开设，目前在用。`],
      [`你给出的${how}与名录中这个账号的登记一致。`],
    ],
    evidence,
    steps: [
      a.l
        ? ['请通过官方链接访问或关注：', { text: a.l, href: a.l, code: true }]
        : [`请在${ctx.pname(a.p)}中搜索${ctx.label(a.p)} `, { text: a.h, code: true }, ' 找到它。'],
      ['如果这个账号发布的内容可疑（例如索要钱款、个人信息），可能是账号被盗用：', ...officeLine(ctx.config.office)],
    ],
  };
}

function optionalNote(note: Line | undefined): { note?: Line } {
  return note ? { note } : {};
}

function former(result: VerifyResult, ctx: Ctx): Partial {
  const primary = result.primary!;
  const a = primary.rec as AccountRec;
  const byHandle = primary.kind === 'fhandle';
  const list = byHandle ? a.fh : a.fn;
  const key = result.query.key ?? '';
  const entry = list?.find(([v]) => lookupKey(v) === key) ?? list?.[list.length - 1];
  const old = entry?.[0] ?? shownQuery(result.query.display);
  const until = entry ? chineseDate(entry[1]) : '';
  const what = byHandle ? ctx.label(a.p) : '名称';
  const now: Line = byHandle
    ? [`现在的${ctx.label(a.p)}是 `, { text: a.h, code: true }, '。']
    : ['现名', quoted(a.n), `（${ctx.label(a.p)} `, { text: a.h, code: true }, '）。'];
  const summary: Line[] = [
    [{ text: byHandle ? `这是官方账号以前的${what}；如果现在有账号使用这个${what}，它不是官方账号。` : FORMER_NAME_LINE, strong: true }],
    [quoted(old), `是${a.u}的${ctx.pname(a.p)}账号${until ? `在 ${until}之前` : '以前'}使用的${what}，该账号`, ...now],
  ];
  if (a.s !== 'active') summary.push([`这个账号已于 ${chineseDate(a.c ?? '')}${a.s === 'suspended' ? '关停' : '注销'}，不再发布信息。`]);
  summary.push([
    `如果你现在看到的账号仍在使用以前的${what}，它可能是旧截图、旧海报，也可能是有人用旧${what}注册的另一个账号：请核对${ctx.label(a.p)}。`,
  ]);
  const evidence: EvidenceGroup[] = [{ title: '名录登记', cards: [accountCard(a, ctx)] }];
  const rest = others(result);
  if (rest.length) evidence.push({ title: '其他相关登记', cards: rest.map((m) => card(m, ctx)) });
  const follow = a.s === 'active' ? a : a.su;
  return {
    tone: 'warn',
    headline: `这是官方账号以前的${what}`,
    summary,
    evidence,
    steps: [
      follow
        ? follow.l
          ? [
              '请关注它现在的账号：',
              { text: follow.n, href: ctx.links.account(follow.id) },
              '，官方链接 ',
              { text: follow.l, href: follow.l, code: true },
            ]
          : ['请关注它现在的账号：', { text: follow.n, href: ctx.links.account(follow.id) }, `（${ctx.pname(follow.p)}）。`]
        : ['请在名录中查看该单位现在的账号：', { text: a.u, href: ctx.links.unit(a.id.split('/')[0]!) }],
      [`仍在使用旧${what}、却不是上面这个账号的，可能是仿冒：`, ...reportSteps(a.p, ctx)[0]!],
      officeLine(ctx.config.office),
    ],
  };
}

function card(m: Match, ctx: Ctx): Card {
  if (m.rec.t === 'a') return accountCard(m.rec, ctx);
  if (m.rec.t === 'i') return impostorCard(m.rec, ctx);
  return unitCard(m.rec, ctx);
}

function closed(result: VerifyResult, ctx: Ctx): Partial {
  const a = result.primary!.rec as AccountRec;
  const verb = a.s === 'suspended' ? '关停' : '注销';
  const summary: Line[] = [
    [
      `${a.u}的${ctx.pname(a.p)}账号`,
      quoted(a.n),
      `（${ctx.label(a.p)} `,
      { text: a.h, code: true },
      `）已于 ${chineseDate(a.c ?? '')}${verb}，不再是官方信息发布渠道。`,
    ],
  ];
  const idName = ctx.label(a.p);
  const gap = /[A-Za-z0-9]$/.test(idName) ? ' ' : '';
  summary.push([`它的名称和${idName}${gap}仍受保护：如果现在有账号使用这个名称或${idName}，它不是官方账号。`]);
  if (a.x) summary.push(['停更公告：', { text: a.x, href: a.x, code: true }]);
  else summary.push(['名录中没有登记它的停更公告。']);
  if (a.su) summary.push(['后续信息由', { text: `${a.su.n}（${ctx.pname(a.su.p)}）`, href: ctx.links.account(a.su.id) }, '发布。']);
  const evidence: EvidenceGroup[] = [{ title: '名录登记', cards: [accountCard(a, ctx)] }];
  if (a.su) evidence.push({ title: '后续账号', cards: [accountCard(a.su, ctx)] });
  const rest = others(result);
  if (rest.length) evidence.push({ title: '其他相关登记', cards: rest.map((m) => card(m, ctx)) });
  return {
    tone: 'warn',
    headline: `该账号已${verb}`,
    summary,
    evidence,
    steps: [
      a.su
        ? [
            '请改为关注后续账号：',
            { text: a.su.n, href: ctx.links.account(a.su.id) },
            ...(a.su.l ? ['，官方链接 ', { text: a.su.l, href: a.su.l, code: true }] : []),
          ]
        : ['请在名录中查看该单位现在的账号：', { text: a.u, href: ctx.links.unit(a.id.split('/')[0]!) }],
      [`已${verb}的账号如果仍在发布信息、或以官方名义联系你，请提高警惕：`, ...officeLine(ctx.config.office)],
    ],
  };
}

function impostor(result: VerifyResult, ctx: Ctx): Partial {
  const i = result.primary!.rec as ImpostorRec;
  const target = i.im;
  const targetLine: Line =
    't' in target ? ['冒充', quoted(target.n), '（单位）'] : ['冒充', `${ctx.pname(target.p)}账号`, quoted(target.n)];
  const state = i.m
    ? `平台已于 ${chineseDate(i.m)}关闭该账号；如果你仍能看到它，请再次举报。`
    : i.r
      ? `已于 ${chineseDate(i.r)}向平台举报，平台尚未处置：请勿关注、转发，勿转账或提供个人信息。`
      : '尚未向平台举报：请勿关注、转发，勿转账或提供个人信息。';
  const evidence: EvidenceGroup[] = [{ title: '仿冒账号登记', cards: [impostorCard(i, ctx)] }];
  if ('t' in target) evidence.push({ title: '被冒充的单位', cards: [unitCard(target, ctx)] });
  else evidence.push({ title: '被冒充的官方账号', cards: [accountCard(target, ctx)] });
  const realLink: Line =
    't' in target
      ? ['关注真正的官方账号：', { text: `${target.n}的账号`, href: ctx.links.unit(target.id) }]
      : [
          '关注真正的官方账号：',
          { text: target.n, href: ctx.links.account(target.id) },
          ...(target.l ? ['，官方链接 ', { text: target.l, href: target.l, code: true }] : []),
        ];
  const formerOf = result.others.find((m) => (m.kind === 'fname' || m.kind === 'fhandle') && m.rec.t === 'a');
  const formerWhat = formerOf?.kind === 'fhandle' ? ctx.label(i.p) : '名称';
  const formerLine: Line[] = formerOf
    ? [
        [
          formerOf.kind === 'fhandle' ? { text: i.h ?? '', code: true } : quoted(i.n),
          `${formerOf.kind === 'fhandle' ? ` 是官方账号以前的${formerWhat}` : '是官方账号的曾用名'}：${(formerOf.rec as AccountRec).u}的账号现名`,
          { text: `「${formerOf.rec.n}」`, href: ctx.links.account(formerOf.rec.id) },
          '。',
          { text: `如果现在有账号使用这个${formerWhat}，它不是官方账号。`, strong: true },
        ],
      ]
    : [];
  return {
    tone: 'bad',
    headline: '这是已登记的仿冒账号',
    summary: [
      [quoted(i.n), `（${ctx.pname(i.p)}）于 ${chineseDate(i.f)}被发现`, ...targetLine, '，不是官方账号。'],
      ...formerLine,
      [state],
    ],
    evidence,
    steps: [['不要关注、转发、付款，不要提供姓名、身份证号、验证码等个人信息。'], ...reportSteps(i.p, ctx), realLink],
  };
}

const REASON_TEXT: Record<Lookalike['reason'], string> = {
  'same-key': '写法不同（繁体字、全角字母或看不见的字符）',
  padding: '多了或少了「官方」「发布」「服务号」等字样',
  contains: '在官方名称前后加了字',
  contained: '是官方名称的一部分',
  edit: '与官方名称只差一两个字',
  'handle-padding': '在官方账号 ID 前后加了字符',
  'handle-swap': '把官方账号 ID 里的字母或数字换成了形状相近的（如 0 和 o、1 和 l、rn 和 m）',
  'handle-punct': '在官方账号 ID 里插入了下划线、点或减号',
  punct: '在官方名称中间插入了标点或空格',
  homophone: '用读音相同的字替换了官方名称中的字（同音字）',
  'near-homophone': '用读音相近（拼音相同、声调不同）的字替换了官方名称中的字',
  shape: '用字形相近的字（形近字）替换了官方名称中的字',
  mixed: '同时用了同音字、形近字或插入标点等多种手法',
};

/** Tricks worth naming in the verdict's summary. */
const TRICKS: ReadonlySet<Lookalike['reason']> = new Set([
  'punct',
  'homophone',
  'near-homophone',
  'shape',
  'mixed',
  'handle-swap',
  'handle-punct',
]);

const TONE_MARKS: Record<string, string> = { a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ' };

/** `dong` and tone 1 → `dōng`. */
export function toneMark(syllable: string, tone: number): string {
  if (tone < 1 || tone > 4) return syllable;
  const vowel = /[ae]/.exec(syllable) ?? /ou/.exec(syllable) ?? /[aeiouü](?=[^aeiouü]*$)/.exec(syllable);
  if (!vowel) return syllable;
  const at = vowel.index;
  const mark = TONE_MARKS[syllable[at]!]?.[tone - 1] ?? syllable[at]!;
  return syllable.slice(0, at) + mark + syllable.slice(at + 1);
}

/** Which characters were replaced by which: 「冬」代替「东」（同音 dōng）. */
function charsLine(l: Lookalike, config: VerifyConfig): string | undefined {
  if (!l.chars?.length) return undefined;
  const folder = folderOf(config.fold);
  return l.chars
    .map((d) => {
      if (d.trick === 'shape') return `「${d.query}」冒充「${d.registered}」（形近字）`;
      const a = folder.reading(d.query);
      const b = folder.reading(d.registered);
      const say = (r: typeof a) => (r ? toneMark(r.syllable, r.tone) : (d.syllable ?? ''));
      return d.trick === 'homophone'
        ? `「${d.query}」冒充「${d.registered}」（同音 ${say(b)}）`
        : `「${d.query}」冒充「${d.registered}」（音近 ${say(a)} / ${say(b)}）`;
    })
    .join('，');
}

function lookalikeCard(l: Lookalike, ctx: Ctx): Card {
  if (l.type === 'unit')
    return {
      title: [l.name],
      fields: [
        ['相似之处', [REASON_TEXT[l.reason]]],
        ['名录登记', [{ text: '查看该单位的全部账号', href: ctx.links.unit(l.id) }]],
      ],
    };
  const fields: Card['fields'] = [];
  if (l.platform) fields.push(['平台', [ctx.pname(l.platform)]]);
  if (l.handle) fields.push([ctx.label(l.platform), [{ text: l.handle, code: true }]]);
  if (l.value !== l.name) fields.push([l.via === 'fname' ? '曾用名' : l.via === 'uname' ? '所属单位' : '相似的登记', [l.value]]);
  fields.push(['相似之处', [REASON_TEXT[l.reason]]]);
  const chars = charsLine(l, ctx.config);
  if (chars) fields.push(['替换的字', [chars]]);
  if (l.type === 'impostor') {
    fields.push(['仿冒账号名单', [{ text: '查看全部仿冒账号', href: ctx.links.impostors() }]]);
    return { title: [l.name], badge: { text: '仿冒', tone: 'bad' }, fields };
  }
  fields.push(['名录登记', [{ text: '查看登记信息', href: ctx.links.account(l.id) }]]);
  return { title: [l.name], ...(l.status ? { badge: { text: STATUS_TEXT[l.status], tone: STATUS_TONE[l.status] } } : {}), fields };
}

function lookalike(result: VerifyResult, ctx: Ctx): Partial {
  const q = shownQuery(result.query.display);
  const accounts = result.lookalikes.filter((l) => l.type !== 'impostor');
  const impostors = result.lookalikes.filter((l) => l.type === 'impostor');
  const evidence: EvidenceGroup[] = [];
  const steps: Line[] = [
    ['在平台上打开这个账号的主页，把它的链接、账号 ID 或二维码粘贴到上面再核验一次。'],
    ['确认是冒充政府部门的账号，请举报：', ...reportSteps(accounts[0]?.platform, ctx)[0]!],
    officeLine(ctx.config.office),
  ];
  const primary = result.primary;
  if (primary?.kind === 'uname' && primary.rec.t === 'u') {
    const u = primary.rec;
    evidence.push({ title: '单位', cards: [unitCard(u, ctx)] });
    if (accounts.length)
      evidence.push({
        title: `该单位的在用账号${u.k > accounts.length ? `（共 ${u.k} 个，列出 ${accounts.length} 个）` : ''}`,
        cards: accounts.map((l) => lookalikeCard(l, ctx)),
      });
    return {
      tone: 'info',
      headline: '这是单位名称，不是账号名称',
      summary: [
        [
          quoted(u.n),
          `是名录中的一个单位${u.sn && u.sn !== u.n ? `（简称「${u.sn}」）` : ''}。平台上显示的「认证主体」通常就是单位名称，但仿冒账号也可能冒用它。`,
        ],
        ['单位可以开设多个账号：请核对你看到的账号是否是下面列出的账号之一（比对账号 ID）。'],
      ],
      evidence,
      steps,
    };
  }
  if (result.writtenDifferently && accounts[0]) {
    const a = accounts[0];
    evidence.push({ title: '官方账号', cards: accounts.map((l) => lookalikeCard(l, ctx)) });
    const sameName = others(result).filter((m) => m.rec.t === 'a' && m.kind === 'name');
    if (sameName.length) evidence.push({ title: '同名的其他官方账号', cards: sameName.map((m) => accountCard(m.rec as AccountRec, ctx)) });
    return {
      tone: 'bad',
      headline: '写法与官方账号不同，可能是仿冒',
      summary: [
        ['你输入的', quoted(q), '与官方账号', quoted(a.value), '只在写法上不同（繁体或异体字、全角字母、看不见的字符或外形相似的字母）。'],
        ['仿冒账号常用这种办法让名称看起来和官方一样。如果平台上显示的名称和官方名称不是一字不差，它就不是官方账号。'],
      ],
      evidence,
      steps,
    };
  }
  if (accounts.length) evidence.push({ title: '相似的官方账号（越靠前越相似）', cards: lookalikeCards(accounts, ctx) });
  if (impostors.length) evidence.push({ title: '相似的已登记仿冒账号', cards: lookalikeCards(impostors, ctx) });
  const best = accounts[0] ?? impostors[0];
  const byHandle = !!best?.reason.startsWith('handle-');
  return {
    tone: 'bad',
    headline: '名录中没有这个账号，但它与官方账号相似',
    summary: [
      [
        quoted(q),
        byHandle ? '不是名录中任何账号的账号 ID，但它像官方账号 ID ' : '不是名录中任何账号的名称，但与',
        ...(best ? (byHandle ? [{ text: best.value, code: true }] : [quoted(best.value)]) : []),
        byHandle ? (best?.reason === 'handle-padding' ? '，只是前后多了字符。' : '，只是改了写法。') : '等官方账号相似。',
      ],
      best && TRICKS.has(best.reason)
        ? [
            `看到的手法：${REASON_TEXT[best.reason]}`,
            ...(best.chars?.length ? [`：${charsLine(best, ctx.config)}`] : []),
            '。名称读起来或看起来和官方一样，但不是同一个账号，它很可能不是官方账号。',
          ]
        : [
            byHandle
              ? '仿冒账号常在官方账号 ID 后面加上「_gf」「official」或数字。'
              : '名称与官方账号不同、账号 ID 也不同的，就不是这个官方账号。它很可能不是官方账号。',
          ],
    ],
    evidence,
    steps,
  };
}

const HINT_TEXT: Record<UrlHint, string> = {
  credentials: '这个链接在「@」前面藏了一个假网址，实际打开的是「@」后面的网站。这是仿冒链接的常见手法：请不要打开它。',
  'short-link': '这是短链接，只有平台自己能解析。请在手机 App 中打开它，进入账号主页，复制主页链接或账号 ID，再来核验。',
  article:
    '这是一篇公众号文章的链接，它本身不含公众号的身份。请在文章顶部点公众号名称进入主页，复制微信号，或在主页右上角「…」中复制链接，再来核验。',
  'platform-page': '这是平台上的一个页面，但名录中没有登记这个链接。如果它是某个账号的主页，这个账号就不在名录中。',
  'lookalike-host':
    '这个链接的域名不是任何平台的官方域名，却含有平台的名字，可能是钓鱼网站：请不要在其中输入账号、密码、验证码，也不要付款。',
  'other-site': '这是一个网站链接，不是名录中登记的账号链接。政府网站的域名一般以 .gov.cn 结尾。',
  'own-site': '这是本名录网站自己的页面，不是某个账号。请在名录中打开具体账号的页面，或粘贴账号的链接、账号 ID 再核验。',
  'own-site-missing': '这个链接的网址是本名录网站，但名录中没有它指向的账号页面：链接可能抄错了，也可能是伪造的。',
  empty: '你输入的内容只有空格或看不见的字符，没有可以核验的内容。',
  'too-general': '',
  'filing-unknown': '名录中没有这个备案编号。如果某个账号在主页上写着这个编号，说明编号是编造或抄错的：它不能证明账号是官方的。',
};

function unknown(result: VerifyResult, q: string, ctx: Ctx): Partial {
  const hint = result.hint;
  if (hint === 'empty' || hint === 'too-general') return vague(result, q, ctx);
  const summary: Line[] = [];
  if (hint) summary.push([HINT_TEXT[hint]]);
  if (hint !== 'credentials' && hint !== 'lookalike-host') {
    summary.push(['名录中没有与', quoted(q), '一致或相似的账号。']);
    summary.push([
      `这不一定说明它是仿冒的：名录只收录${ctx.config.region}各单位备案的政务新媒体账号。但以${ctx.config.region}政府部门名义发布信息的账号，都应当在名录中。`,
    ]);
  }
  const host = result.query.url?.host;
  const evidence: EvidenceGroup[] =
    host && (hint === 'credentials' || hint === 'lookalike-host' || hint === 'other-site')
      ? [{ title: '链接实际指向', cards: [{ title: [{ text: host, code: true }], fields: [] }] }]
      : [];
  return {
    tone: hint === 'credentials' || hint === 'lookalike-host' ? 'bad' : 'info',
    headline: hint === 'credentials' || hint === 'lookalike-host' ? '这个链接可疑' : '名录中没有找到',
    summary,
    evidence,
    steps: [
      ['换一种方式核验：账号 ID（微信号、抖音号等）和账号主页链接比名称可靠。'],
      [
        '在名录中按单位查找：',
        { text: '全部单位', href: ctx.links.units() },
        '；已关停的账号见',
        { text: '已关停账号', href: ctx.links.closed() },
        '。',
      ],
      ['拿不准的，或发现有人冒充政府部门：', ...officeLine(ctx.config.office)],
    ],
  };
}

/** An empty query, or one too short or general to say anything about (「东乡」). */
function vague(result: VerifyResult, q: string, ctx: Ctx): Partial {
  const steps: Line[] = [
    ['最可靠的是账号 ID（微信号、抖音号、微博 UID 等）或账号主页链接：在平台上打开账号主页即可看到或复制。'],
    ['也可以输入完整的账号名称，或海报、账号简介上的备案编号。'],
    ['按单位浏览全部官方账号：', { text: '全部单位', href: ctx.links.units() }, '。'],
  ];
  if (result.hint === 'empty') return { tone: 'info', headline: '没有输入要核验的内容', summary: [[HINT_TEXT.empty]], evidence: [], steps };
  const accounts = result.lookalikes.filter((l) => l.type === 'account').slice(0, 6);
  return {
    tone: 'info',
    headline: '查询太笼统，请输入完整的名称或账号 ID',
    summary: [[quoted(q), `太短或太笼统：${ctx.config.region}的很多账号、单位名称里都有它，不能据此判断一个账号是不是官方的。`]],
    evidence: accounts.length ? [{ title: `名称中有「${q}」的部分官方账号`, cards: lookalikeCards(accounts, ctx) }] : [],
    steps,
  };
}

/** The items of `list` grouped by `key`, groups in the order of their first item (Map.groupBy is too new for older phones). */
function groupBy<T>(list: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** Look-alike cards, accounts with the same name and status in one card listing their platforms (test/verify-phone.test.ts). */
function lookalikeCards(list: readonly Lookalike[], ctx: Ctx): Card[] {
  const groups = groupBy(list, (l) =>
    l.type === 'account' ? `${l.name}\u0000${l.status ?? ''}\u0000${l.value}` : `${l.type}\u0000${l.id}`,
  );
  return groups.map((group) => {
    if (group.length === 1) return lookalikeCard(group[0]!, ctx);
    const first = group[0]!;
    const fields: Card['fields'] = group.map((l) => [
      ctx.pname(l.platform),
      [`${ctx.label(l.platform)} `, { text: l.handle ?? '', code: true }, '（', { text: '登记信息', href: ctx.links.account(l.id) }, '）'],
    ]);
    if (first.value !== first.name)
      fields.push([first.via === 'fname' ? '曾用名' : first.via === 'uname' ? '所属单位' : '相似的登记', [first.value]]);
    fields.push(['相似之处', [REASON_TEXT[first.reason]]]);
    const chars = charsLine(first, ctx.config);
    if (chars) fields.push(['替换的字', [chars]]);
    return {
      title: [first.name, `（${group.length} 个平台）`],
      ...(first.status ? { badge: { text: STATUS_TEXT[first.status], tone: STATUS_TONE[first.status] } } : {}),
      fields,
    };
  });
}

/** Account cards, the accounts of one unit with the same name in one card listing their platforms (test/verify-phone.test.ts). */
function accountCards(list: readonly AccountRec[], ctx: Ctx): Card[] {
  return groupBy(list, (a) => `${a.u}\u0000${a.n}\u0000${a.s}`).map((group) => {
    if (group.length === 1) return accountCard(group[0]!, ctx);
    const first = group[0]!;
    const fields: Card['fields'] = [['主办单位', [first.u]]];
    for (const a of group)
      fields.push([
        ctx.pname(a.p),
        [
          `${ctx.label(a.p)} `,
          { text: a.h, code: true },
          ...(a.b ? [`，备案编号 ${a.b}`] : []),
          '（',
          { text: '登记信息', href: ctx.links.account(a.id) },
          '）',
        ],
      ]);
    return { title: [first.n, `（${group.length} 个平台）`], badge: { text: STATUS_TEXT[first.s], tone: STATUS_TONE[first.s] }, fields };
  });
}
