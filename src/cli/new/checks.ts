/**
 * Checks of single answers, made with the validator's own pieces so that an answer the
 * scaffolder accepts is one the validator accepts, with the validator's Chinese messages:
 * field schemas (length, invisible characters, date format), the handle pattern and URL check of
 * the platform catalogue, the personal-data scan, the personal-registration heuristic, and
 * duplicate identifiers compared through the shared normaliser.
 */
import * as z from 'zod';
import { PositionIndex } from '../../lib/load/positions.ts';
import { checkSchema } from '../../lib/load/schema-check.ts';
import type { Registry } from '../../lib/model.ts';
import { looksLikeUrl, normalizeHandle, urlKey } from '../../shared/normalize.ts';
import { problem, type Problem } from '../../lib/problems.ts';
import type { RuleContext } from '../../lib/rules/context.ts';
import { checkUrl, handleRegExp } from '../../lib/rules/identifiers.ts';
import { looksLikePersonName } from '../../lib/facts/person-name.ts';
import { findPersonalData } from '../../lib/rules/personal-data.ts';
import { date } from '../../lib/schema/common.ts';
import type { Platform } from '../../lib/schema/platforms.ts';

const NOWHERE = { file: '', line: 1, column: 1 };

/** The validator's message for one field value, checked with the field's schema, or undefined. */
export function fieldError(shape: Record<string, z.ZodType>, key: string, value: unknown): string | undefined {
  const field = shape[key];
  if (!field) throw new Error(`no field ${key}`);
  const result = checkSchema(z.strictObject({ [key]: field }), { [key]: value }, '', new PositionIndex([0]));
  return result.problems[0]?.message;
}

/** The validator's message when a text holds a mobile number, ID number or personal mailbox. */
export function personalDataError(text: string): string | undefined {
  const datum = findPersonalData(text)[0];
  return datum ? problem(`personal-data.${datum.kind}`, NOWHERE, { masked: datum.masked }).message : undefined;
}

/**
 * Checks a date answer for the field `key` (its Chinese `title`): a real `YYYY-MM-DD`, not after
 * `asOf`, not before `notBefore`.
 */
export function dateError(
  key: string,
  title: string,
  value: string,
  asOf: string,
  notBefore?: { date: string; what: string },
): string | undefined {
  const format = fieldError({ [key]: date().meta({ title }) }, key, value);
  if (format) return format;
  if (value > asOf) return problem('future-date.date', NOWHERE, { field: key, title, value, asOf }).message;
  if (notBefore && value < notBefore.date) return `${key}（${title}）「${value}」早于${notBefore.what}（${notBefore.date}）。`;
  return undefined;
}

/** Checks a handle against the platform's pattern (the validator's message). */
export function handlePatternError(platform: Platform, handle: string): string | undefined {
  const re = handleRegExp(platform.handle_pattern);
  if (!re || re.test(handle)) return undefined;
  return problem('schema.handle-pattern', NOWHERE, {
    handle,
    label: platform.handle_label,
    hint: platform.handle_hint,
    example: platform.handle_example,
  }).message;
}

/** Runs the validator's URL check (https, the platform's hosts, no credentials); its message or undefined. */
export function urlError(platform: Platform, url: string, httpAllowed = false): string | undefined {
  const problems: Problem[] = [];
  const ctx = { report: (p: Problem) => problems.push(p) } as unknown as RuleContext;
  checkUrl(ctx, url, platform, NOWHERE, { httpAllowed });
  return problems[0]?.message;
}

/** Checks a verification subject: not a person's name. */
export function verifiedAsError(subject: string): string | undefined {
  return looksLikePersonName(subject) ? problem('personal-registration.person', NOWHERE, { value: subject }).message : undefined;
}

/** Who already uses an identifier. */
interface Owner {
  /** Account id, or impostor record id. */
  id: string;
  /** As the validator names it: `jiaoyuju/weibo（东乡教育）` or `仿冒账号 dxjy-fake`. */
  label: string;
  file: string;
  line: number;
  impostor: boolean;
}

/**
 * Every handle, identifier and URL of the registry, keyed as the `duplicate-identifier` rule
 * keys them (`h:<platform>:<handle>`, `u:<url key>`).
 */
export class IdentifierIndex {
  readonly #owners = new Map<string, Owner>();
  readonly #registry: Registry;

  constructor(registry: Registry) {
    this.#registry = registry;
    const platforms = registry.platforms;
    const add = (key: string | null, owner: Owner) => {
      if (key && !this.#owners.has(key)) this.#owners.set(key, owner);
    };
    for (const account of registry.accounts) {
      const at = (path: (string | number)[]) => account.origin.at(path);
      const owner = (path: (string | number)[]) => ({
        id: account.id,
        label: `${account.id}（${account.name}）`,
        file: account.origin.file,
        line: at(path).line,
        impostor: false,
      });
      add(`h:${account.platform}:${normalizeHandle(account.handle)}`, owner(['handle']));
      if (account.url) add(`u:${urlKey(account.url, platforms)}`, owner(['url']));
      account.identifiers.forEach((id, i) => {
        add(looksLikeUrl(id) ? `u:${urlKey(id, platforms)}` : `h:${account.platform}:${normalizeHandle(id)}`, owner(['identifiers', i]));
      });
    }
    for (const impostor of registry.impostors) {
      const owner = (path: string[]) => ({
        id: impostor.id,
        label: `仿冒账号 ${impostor.id}（${impostor.name}）`,
        file: impostor.origin.file,
        line: impostor.origin.at(path).line,
        impostor: true,
      });
      if (impostor.handle) add(`h:${impostor.platform}:${normalizeHandle(impostor.handle)}`, owner(['handle']));
      if (impostor.url) add(`u:${urlKey(impostor.url, platforms)}`, owner(['url']));
    }
  }

  /** Who already uses a handle (or non-URL identifier) on a platform. */
  handleOwner(platform: string, handle: string, except?: string): Owner | undefined {
    const owner = this.#owners.get(`h:${platform}:${normalizeHandle(handle)}`);
    return owner && !(except && !owner.impostor && owner.id === except) ? owner : undefined;
  }

  /** Who already uses a URL (any equivalent form). */
  urlOwner(url: string, except?: string): Owner | undefined {
    const key = urlKey(url, this.#registry.platforms);
    const owner = key ? this.#owners.get(`u:${key}`) : undefined;
    return owner && !(except && !owner.impostor && owner.id === except) ? owner : undefined;
  }

  /**
   * The validator's duplicate message when `value` (a `what`: 微博 UID, 账号链接…) is already
   * used, or undefined. `impostor`: the new record is an impostor.
   */
  duplicateError(what: string, value: string, owner: Owner | undefined, impostor = false): string | undefined {
    if (!owner) return undefined;
    const params = { what, value, other: owner.label, otherFile: owner.file, otherLine: owner.line };
    if (!impostor && owner.impostor) {
      return `${what}「${value}」已登记为${owner.label}（${owner.file} 第 ${owner.line} 行），不是官方账号：请核对。`;
    }
    const code = !impostor
      ? 'duplicate-identifier.account'
      : owner.impostor
        ? 'duplicate-identifier.impostor-twice'
        : 'duplicate-identifier.impostor';
    return problem(code, NOWHERE, params).message;
  }
}
