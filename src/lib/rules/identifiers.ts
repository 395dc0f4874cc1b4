/**
 * `platform-url-mismatch`, handle formats and `duplicate-identifier`: every handle, URL and
 * identifier must belong to its platform and to one account only (compared after the shared
 * normaliser, so `m.weibo.cn/u/1` and `weibo.com/u/1`, or a handle with a zero-width space, are
 * the same).
 */
import { decodeURIComponentSafe, hostMatches, looksLikeUrl, normalizeHandle, urlFormId, urlKey } from '../../shared/normalize.ts';
import { problem, type Location } from '../problems.ts';
import type { Platform } from '../schema/platforms.ts';
import type { PathSegment } from '../load/positions.ts';
import type { SourceRef } from '../model.ts';
import type { RuleContext } from './context.ts';
import { compileHandlePattern, type HandleMatcher } from './handle-pattern.ts';

/** Checks one URL against its platform; reports and returns false when it does not belong (also used by the scaffolder). */
export function checkUrl(
  ctx: RuleContext,
  text: string,
  platform: Platform,
  at: Location,
  { httpAllowed }: { httpAllowed: boolean },
): boolean {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
    ctx.report(problem('platform-url-mismatch.not-url', at, { value: text }));
    return false;
  }
  if (url.username || url.password) {
    ctx.report(problem('platform-url-mismatch.credentials', at, { value: text }));
    return false;
  }
  if (url.protocol === 'http:' && !httpAllowed) {
    ctx.report(problem('platform-url-mismatch.not-https', at, { value: text }));
    return false;
  }
  const host = url.hostname.replace(/\.$/, '');
  if (platform.hosts.length === 0) {
    ctx.report(problem('platform-url-mismatch.no-page', at, { platform: platform.name }));
    return false;
  }
  if ((url.port && url.port !== '443' && url.port !== '80') || !platform.hosts.some((h) => hostMatches(host, h))) {
    ctx.report(problem('platform-url-mismatch.host', at, { host: url.host, platform: platform.name, hosts: platform.hosts.join('、') }));
    return false;
  }
  return true;
}

/**
 * Whether a URL that belongs to its platform is an account's profile: not the platform's home
 * page, nor a search, trending or content page (`non_profile_paths`). A URL with the platform's
 * identity parameters (WeChat `__biz`) names an account wherever it points.
 */
function checkProfileUrl(ctx: RuleContext, text: string, platform: Platform, at: Location): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return true;
  }
  if (platform.identity_params.some((name) => url.searchParams.get(name))) return true;
  const host = url.hostname.replace(/\.$/, '');
  // Wildcard hosts (`*.gov.cn` of a self-built app) have their own sites, where `/` may be the app's page.
  if (!platform.hosts.some((h) => !h.startsWith('*.') && h.replace(/^www\./, '') === host.replace(/^www\./, ''))) return true;
  const path = decodeURIComponentSafe(url.pathname).replace(/\/+$/, '');
  if (path === '') {
    ctx.report(problem('platform-url-mismatch.home-page', at, { value: text, platform: platform.name }));
    return false;
  }
  const hit = platform.non_profile_paths.find((p) => path === p.replace(/\/$/, '') || path.startsWith(`${p.replace(/\/$/, '')}/`));
  if (hit) {
    ctx.report(problem('platform-url-mismatch.not-profile', at, { value: text, platform: platform.name, path: hit }));
    return false;
  }
  return true;
}

/**
 * On platforms whose URL names the handle itself (微博 UID…): the account the URL names must be
 * the one of the handle or of an identifier.
 */
function checkUrlNamesHandle(
  ctx: RuleContext,
  text: string,
  platform: Platform,
  platforms: readonly Platform[],
  handle: string,
  identifiers: readonly string[],
  at: Location,
): void {
  if (!platform.url_id_is_handle) return;
  const named = urlFormId(text, platforms);
  if (!named || named.platform.id !== platform.id) return;
  const id = normalizeHandle(named.id);
  if ([handle, ...identifiers].some((h) => normalizeHandle(h) === id)) return;
  ctx.report(problem('platform-url-mismatch.other-id', at, { value: text, label: platform.handle_label, urlId: named.id, handle }));
}

const patternCache = new Map<string, { matcher: HandleMatcher | null; reason: string }>();

/** A handle pattern compiled for whole-string matching in linear time, or why it cannot be used. */
function compilePattern(pattern: string): { matcher: HandleMatcher | null; reason: string } {
  let entry = patternCache.get(pattern);
  if (!entry) {
    try {
      new RegExp(pattern, 'u');
      entry = { matcher: compileHandlePattern(pattern), reason: '' };
    } catch (error) {
      entry = { matcher: null, reason: (error as Error).message };
    }
    patternCache.set(pattern, entry);
  }
  return entry;
}

/**
 * A handle pattern as a whole-string matcher, or null when it does not compile or uses what the
 * linear-time matcher refuses (backreferences, lookaround: see handle-pattern.ts).
 */
export function handleRegExp(pattern: string): HandleMatcher | null {
  return compilePattern(pattern).matcher;
}

interface Claim {
  owner: string;
  impostor: boolean;
  origin: SourceRef;
  path: PathSegment[];
}

export function checkIdentifiers(ctx: RuleContext): void {
  const { dataset, platformById } = ctx;
  if (!platformById) return;
  const platforms = [...platformById.values()];

  // The catalogue itself: unique ids, patterns that compile.
  const catalogue = dataset.platforms;
  catalogue?.value.platforms.forEach((p, i) => {
    if (catalogue.value.platforms.findIndex((q) => q.id === p.id) !== i) {
      ctx.report(problem('schema.duplicate-platform', catalogue.origin.at(['platforms', i, 'id']), { id: p.id }));
    }
    const { matcher, reason } = compilePattern(p.handle_pattern);
    if (!matcher) {
      ctx.report(
        problem('schema.bad-regex', catalogue.origin.at(['platforms', i, 'handle_pattern']), { pattern: p.handle_pattern, reason }),
      );
    }
  });

  const claims = new Map<string, Claim>();
  const claim = (key: string, what: string, value: string, c: Claim) => {
    const first = claims.get(key);
    if (!first) {
      claims.set(key, c);
      return;
    }
    if (first.owner === c.owner) return;
    const firstAt = first.origin.at(first.path);
    const params = { what, value, other: first.owner, otherFile: firstAt.file, otherLine: firstAt.line, otherColumn: firstAt.column };
    const code =
      !c.impostor && !first.impostor
        ? 'duplicate-identifier.account'
        : first.impostor && c.impostor
          ? 'duplicate-identifier.impostor-twice'
          : 'duplicate-identifier.impostor';
    ctx.report(problem(code, c.origin.at(c.path), params));
  };

  for (const account of dataset.accounts) {
    const platform = platformById.get(account.platform);
    if (!platform) continue;
    const at = (path: PathSegment[]) => account.origin.at(path);
    const base = { owner: account.id, impostor: false, origin: account.origin };

    const re = handleRegExp(platform.handle_pattern);
    if (re && !re.test(account.handle)) {
      ctx.report(
        problem('schema.handle-pattern', at(['handle']), {
          handle: account.handle,
          label: platform.handle_label,
          hint: platform.handle_hint,
          example: platform.handle_example,
        }),
      );
    }
    claim(`h:${platform.id}:${normalizeHandle(account.handle)}`, platform.handle_label, account.handle, { ...base, path: ['handle'] });

    if (account.url === null) {
      if (platform.url_required)
        ctx.report(
          problem('platform-url-mismatch.required', at(['url']), { platform: platform.name, example: platform.url_example ?? '' }),
        );
    } else if (
      checkUrl(ctx, account.url, platform, at(['url']), { httpAllowed: false }) &&
      checkProfileUrl(ctx, account.url, platform, at(['url']))
    ) {
      checkUrlNamesHandle(ctx, account.url, platform, platforms, account.handle, account.identifiers, at(['url']));
      claim(`u:${urlKey(account.url, platforms)}`, '账号链接', account.url, { ...base, path: ['url'] });
    }

    account.identifiers.forEach((id, i) => {
      if (looksLikeUrl(id)) {
        if (checkUrl(ctx, id, platform, at(['identifiers', i]), { httpAllowed: true })) {
          claim(`u:${urlKey(id, platforms)}`, '链接', id, { ...base, path: ['identifiers', i] });
        }
      } else {
        claim(`h:${platform.id}:${normalizeHandle(id)}`, '标识', id, { ...base, path: ['identifiers', i] });
      }
    });
  }

  for (const impostor of dataset.impostors) {
    const platform = platformById.get(impostor.platform);
    if (!platform) continue;
    const base = { owner: `仿冒账号 ${impostor.id}`, impostor: true, origin: impostor.origin };
    if (impostor.handle !== null) {
      claim(`h:${platform.id}:${normalizeHandle(impostor.handle)}`, platform.handle_label, impostor.handle, { ...base, path: ['handle'] });
    }
    const urlAt = impostor.origin.at(['url']);
    if (
      impostor.url !== null &&
      checkUrl(ctx, impostor.url, platform, urlAt, { httpAllowed: true }) &&
      checkProfileUrl(ctx, impostor.url, platform, urlAt)
    ) {
      if (impostor.handle !== null) checkUrlNamesHandle(ctx, impostor.url, platform, platforms, impostor.handle, [], urlAt);
      claim(`u:${urlKey(impostor.url, platforms)}`, '链接', impostor.url, { ...base, path: ['url'] });
    }
  }
}
