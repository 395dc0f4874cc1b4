/**
 * Shared building blocks of the data schemas.
 *
 * Every constraint here is a plain JSON-Schema-expressible one (type, pattern, length, enum) so
 * that the JSON Schema generated from these zod schemas gives editors and third parties exactly
 * the verdict zod gives. Rules that need more than one file live in `src/lib/rules/`.
 */
import * as z from 'zod';
import { INVISIBLE_CLASS } from '../../shared/invisible.ts';

/**
 * One line of visible text with at least one character that is not a space (a name of ASCII or
 * ideographic spaces only is blank). Linear: leading spaces, the first visible character, the rest.
 */
const SINGLE_LINE = new RegExp(`^[^\\S${INVISIBLE_CLASS}]*[^\\s${INVISIBLE_CLASS}][^${INVISIBLE_CLASS}]*$`, 'u');
/** Visible text that may span several lines (line feeds allowed, nothing else invisible), not blank. */
const MULTI_LINE = new RegExp(`^(?:[^\\S${INVISIBLE_CLASS}]|\\n)*[^\\s${INVISIBLE_CLASS}](?:[^${INVISIBLE_CLASS}]|\\n)*$`, 'u');

/** Folder and file names: lower-case ASCII letters and digits, words joined by single hyphens. */
export const SLUG_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const SLUG_RE = new RegExp(`^${SLUG_PATTERN}$`);
/** An account id: `<unit-id>/<slug>`. */
export const ACCOUNT_ID_RE = new RegExp(`^${SLUG_PATTERN}/${SLUG_PATTERN}$`);

export interface TextOptions {
  /** Longest accepted length in characters. */
  max: number;
  /** Accept line feeds. */
  multiline?: boolean;
  /** Shortest accepted length (default 1: an empty string is as good as a missing value). */
  min?: number;
}

/** Visible text without invisible or bidi control characters. */
export function text({ max, multiline = false, min = 1 }: TextOptions) {
  return z
    .string()
    .min(min)
    .max(max)
    .regex(multiline ? MULTI_LINE : SINGLE_LINE);
}

/** A public identifier (handle, AppID, original ID…): visible characters without spaces. */
export function token(max = 200) {
  return z
    .string()
    .min(1)
    .max(max)
    .regex(new RegExp(`^[^\\s${INVISIBLE_CLASS}]+$`, 'u'));
}

/** A calendar date written `YYYY-MM-DD`. YAML 1.2 reads it as a string, so quoting is optional. */
export function date() {
  return z.iso.date();
}

/** A lower-case id: unit ids, account slugs, platform ids, impostor ids. */
export function slug() {
  return z.string().max(64).regex(SLUG_RE);
}

/** An account id `<unit-id>/<slug>`. */
export function accountId() {
  return z.string().max(129).regex(ACCOUNT_ID_RE);
}

/** A unit id or an account id. */
export function unitOrAccountId() {
  return z
    .string()
    .max(129)
    .regex(new RegExp(`^${SLUG_PATTERN}(?:/${SLUG_PATTERN})?$`));
}

/**
 * A web address written as text. Whether it is really a URL on the right host is the
 * `platform-url-mismatch` rule's job (it needs the platform catalogue), so the schema only
 * requires visible text without spaces.
 */
export function urlText() {
  return token(2000);
}

/** A link to a public web page: `http://` or `https://`, no spaces. */
export function webUrl() {
  return z
    .string()
    .max(2000)
    .regex(new RegExp(`^https?://[^\\s${INVISIBLE_CLASS}]+$`, 'u'));
}

/** Free-text remark. */
export function note() {
  return text({ max: 1000, multiline: true });
}
