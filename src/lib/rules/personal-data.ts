/**
 * `personal-data`: the registry is public, so no value anywhere may hold a mainland mobile
 * number, a resident ID number or a personal QQ mailbox. Landlines (`0930-7121234`), Weibo UIDs
 * (10 digits), WeChat `__biz` values (base64, bounded by letters) and dates do not match.
 */
import { problem, type Problem } from '../problems.ts';
import type { PathSegment, PositionIndex } from '../load/positions.ts';

/** 11-digit mobile numbers `1[3-9]…`, optionally with +86 and separators, not inside a longer token. */
const MOBILE_RE = /(?<![0-9A-Za-z])(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![0-9A-Za-z])/g;
/** 18-character resident ID numbers (checked further by `isResidentId`). */
const ID_RE = /(?<![0-9A-Za-z])([1-8]\d{5}(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx])(?![0-9A-Za-z])/g;
/** A QQ-number mailbox belongs to a person. */
const QQ_MAIL_RE = /(?<![\w.+-])([1-9]\d{4,11})@qq\.com\b/gi;

/** Five digits, separators between them ignored: every pattern above needs at least that (a cheap first test). */
const FIVE_DIGITS_RE = /\d(?:[-\s]*\d){4}/;

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

/** Personal data found in a text. */
export function findPersonalData(text: string): PersonalDatum[] {
  if (!FIVE_DIGITS_RE.test(text)) return [];
  const found: PersonalDatum[] = [];
  for (const m of text.matchAll(MOBILE_RE)) found.push({ kind: 'mobile', masked: `${m[1]}****${m[3]}` });
  for (const m of text.matchAll(ID_RE)) {
    if (isResidentId(m[1]!)) found.push({ kind: 'id-number', masked: `${m[1]!.slice(0, 6)}********${m[1]!.slice(14)}` });
  }
  for (const m of text.matchAll(QQ_MAIL_RE)) found.push({ kind: 'qq-email', masked: `${m[1]!.slice(0, 2)}***@qq.com` });
  return found;
}

/** Scans every string and number of a parsed file. */
export function scanPersonalData(data: unknown, file: string, positions: PositionIndex): Problem[] {
  const problems: Problem[] = [];
  const path: PathSegment[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') {
      // Only a plain scalar YAML read as a number has a source text (`013912345678` → 13912345678).
      const text = typeof value === 'string' ? value : (positions.scalarSource(path) ?? String(value));
      for (const datum of findPersonalData(text)) {
        problems.push(problem(`personal-data.${datum.kind}`, { file, ...positions.at(path) }, { masked: datum.masked }));
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        path.push(k);
        visit(v);
        path.pop();
      }
    }
  };
  visit(data);
  return problems;
}
