/**
 * Personal data in a text: the fact behind the `personal-data` rule, the comment and file-name
 * checks and the inspection import. The registry is public, so nothing may hold a mainland
 * mobile number, a resident ID number or a personal QQ mailbox. Landlines (`0930-7121234`),
 * Weibo UIDs (10 digits), WeChat `__biz` values (base64, bounded by letters) and dates do not match.
 */

/**
 * Separators a number may be written with once full-width forms are folded (NFKC): spaces, the
 * hyphen and dashes, dots, the middle dot, underscores, slashes; at most two between two digits
 * (`139 - 1234`). A clerk or an insider can put them between any digits, not only between groups.
 */
const SEP = String.raw`[\s\-‐‑‒–—―.·•_/]{0,2}`;
/** Digits with separators between them, as a regex source: `d(SEP d){n-1}` for n digit classes. */
const spaced = (classes: readonly string[]) => classes.join(SEP);
/** Not preceded by a letter, a digit, or a digit and a separator (not inside a longer number). */
const BEFORE = String.raw`(?<![0-9A-Za-z])(?<![0-9]${SEP.replace('{0,2}', '{1,2}')})`;
/** Not followed by a letter, a digit, or a separator and a digit. */
const AFTER = String.raw`(?![0-9A-Za-z])(?!${SEP.replace('{0,2}', '{1,2}')}[0-9])`;

/** 11-digit mobile numbers `1[3-9]…` in any grouping, optionally after +86 / 0086 / (+86). */
const MOBILE_RE = new RegExp(
  String.raw`${BEFORE}(?:[(]?(?:\+|00)?86[)]?${SEP})?(${spaced(['1', '[3-9]', ...Array<string>(9).fill(String.raw`\d`)])})${AFTER}`,
  'g',
);
/** 18-character resident ID numbers in any grouping (checked further by `isResidentId`). */
const ID_RE = new RegExp(
  String.raw`${BEFORE}(${spaced(['[1-8]', ...Array<string>(16).fill(String.raw`\d`), String.raw`[\dXx]`])})${AFTER}`,
  'g',
);
/** A QQ-number mailbox belongs to a person. */
const QQ_MAIL_RE = /(?<![\w.+-])([1-9]\d{4,11})@qq\.com\b/gi;

/** Five digits, separators between them allowed: every pattern above needs at least that (a cheap first test). */
const FIVE_DIGITS_RE = new RegExp(String.raw`\d(?:${SEP}\d){4}`);
/** How many characters NFKC may fold into an ASCII digit (ASCII, full-width, circled, dingbat, mathematical digits; an overcount is harmless). */
function digitLikeCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0xff10 && c <= 0xff19) ||
      (c >= 0x2460 && c <= 0x24ff) ||
      (c >= 0x2776 && c <= 0x2793) ||
      c === 0xd835
    )
      n++;
  }
  return n;
}

/** Anything NFKC changes in a number: full-width digits, letters and punctuation, ideographic space, circled digits. */
const FOLDABLE_RE = /[^\u0000-\u007f]/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether an 18-character text is a valid resident ID number (GB 11643: real birth date, ISO 7064 MOD 11-2 check). */
export function isResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const mo = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, mo - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== mo - 1 || birth.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

export type PersonalDatum = { kind: 'mobile' | 'id-number' | 'qq-email'; masked: string };

/** Only the digits (and a final X) of a match. */
const digitsOf = (text: string) => text.replace(/[^\dXx]/g, '');

/**
 * Personal data found in a text: mobile numbers and resident ID numbers however they are written
 * (full-width digits, spaces, dots, dashes, +86/0086), and QQ mailboxes. Landlines with their
 * area code (`0930-7121234`), Weibo UIDs (10 digits), filing numbers (`622926-2026-0012`), dates
 * and longer digit runs do not match.
 */
export function findPersonalData(raw: string): PersonalDatum[] {
  // A mobile number has 11 digits, an ID number 17, a QQ mailbox an `@`: most texts (names, dates,
  // Weibo UIDs) have fewer digits and no `@`, and are done here.
  if (digitLikeCount(raw) < 11 && !raw.includes('@') && !raw.includes('\uFF20')) return [];
  const text = FOLDABLE_RE.test(raw) ? raw.normalize('NFKC') : raw;
  if (!FIVE_DIGITS_RE.test(text)) return [];
  const found: PersonalDatum[] = [];
  for (const m of text.matchAll(MOBILE_RE)) {
    const d = digitsOf(m[1]!);
    found.push({ kind: 'mobile', masked: `${d.slice(0, 3)}****${d.slice(7)}` });
  }
  for (const m of text.matchAll(ID_RE)) {
    const d = digitsOf(m[1]!);
    if (isResidentId(d)) found.push({ kind: 'id-number', masked: `${d.slice(0, 6)}********${d.slice(14)}` });
  }
  for (const m of text.matchAll(QQ_MAIL_RE)) found.push({ kind: 'qq-email', masked: `${m[1]!.slice(0, 2)}***@qq.com` });
  return found;
}
