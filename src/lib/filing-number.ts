/**
 * Filing numbers (备案编号): `<6-digit region code>-<year>-<4-digit sequence>`, given once by the
 * office when it accepts an account's filing, recorded in the append-only ledger
 * `data/filing-numbers.yaml`, never given twice. This module reads numbers as people type them
 * and works out the next free numbers; src/lib/rules/filing.ts checks them, src/cli/number.ts
 * assigns them.
 */
import type { Account } from './model.ts';
import type { FilingNumberEntry } from './schema/filing-numbers.ts';

/** The parts of a filing number. */
export interface FilingNumberParts {
  region: string;
  year: number;
  sequence: number;
}

/** Dashes and dash-like characters a person may type between the parts (after NFKC). */
const SEPARATOR = String.raw`[\s\-‐‑‒–—―−_/.·・、，,]+`;
const SEPARATORS = new RegExp(SEPARATOR, 'gu');
/** Region, year and a sequence of up to four digits, with separators between them. */
const DASHED = new RegExp(`^(\\d{6})${SEPARATOR}(\\d{4})${SEPARATOR}(\\d{1,4})$`, 'u');

/**
 * A filing number in its canonical spelling from what a person typed: full-width digits, spaces,
 * any dash or none (`６２２９２６－２０２６－００１２`, `622926 2026 0012`, `62292620260012`,
 * `备案编号：622926-2026-12` with a short sequence). Returns null when the text is not one.
 */
export function parseFilingNumber(input: string): string | null {
  const text = input
    .normalize('NFKC')
    .replace(/^\s*(?:政务新媒体)?备案(?:编)?号\s*[:：]?\s*/u, '')
    .trim();
  const dashed = DASHED.exec(text);
  if (dashed) return `${dashed[1]}-${dashed[2]}-${dashed[3]!.padStart(4, '0')}`;
  const digits = text.replace(SEPARATORS, '');
  if (/^\d{14}$/.test(digits)) return `${digits.slice(0, 6)}-${digits.slice(6, 10)}-${digits.slice(10)}`;
  return null;
}

/** The parts of a canonical filing number, or null. */
function filingNumberParts(number: string): FilingNumberParts | null {
  const m = /^(\d{6})-(\d{4})-(\d{4})$/.exec(number);
  return m ? { region: m[1]!, year: Number(m[2]), sequence: Number(m[3]) } : null;
}

/** `<region>-<year>-<sequence>` with the sequence padded to four digits. */
export function formatFilingNumber(region: string, year: number, sequence: number): string {
  return `${region}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** The year an account's number carries: the year its opening was filed. */
function filingYear(account: Pick<Account, 'events'>): number {
  return Number((account.events[0]?.filed ?? '').slice(0, 4));
}

/** Most numbers one region can give in one year. */
export const MAX_SEQUENCE = 9999;

/** A number the command is to give. */
export interface Assignment {
  account: string;
  number: string;
}

/**
 * The next free numbers for accounts without one, deterministically: accounts in the order their
 * opening was filed (then by id), each year's sequence continuing after the highest number of that
 * region and year ever given (the ledger's and the accounts' own), so no number is ever given twice.
 * `only` limits the accounts numbered (the others keep waiting). Throws when a year runs out of numbers.
 */
export function nextAssignments(
  region: string,
  accounts: readonly Pick<Account, 'id' | 'events' | 'filing_number'>[],
  ledger: readonly FilingNumberEntry[],
  only?: (id: string) => boolean,
): Assignment[] {
  const highest = new Map<number, number>();
  const seen = [...ledger.map((e) => e.number), ...accounts.flatMap((a) => (a.filing_number ? [a.filing_number] : []))];
  for (const number of seen) {
    const parts = filingNumberParts(number);
    if (!parts || parts.region !== region) continue;
    highest.set(parts.year, Math.max(highest.get(parts.year) ?? 0, parts.sequence));
  }
  const numbered = new Set(ledger.map((e) => e.account));
  const pending = accounts
    .filter((a) => !a.filing_number && !numbered.has(a.id) && (!only || only(a.id)))
    .map((a) => ({ id: a.id, filed: a.events[0]?.filed ?? '', year: filingYear(a) }))
    .sort((a, b) => (a.filed < b.filed ? -1 : a.filed > b.filed ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Assignment[] = [];
  for (const a of pending) {
    const sequence = (highest.get(a.year) ?? 0) + 1;
    if (sequence > MAX_SEQUENCE) throw new Error(`${region} 地区 ${a.year} 年的备案编号已用完（最多 ${MAX_SEQUENCE} 个）。`);
    highest.set(a.year, sequence);
    out.push({ account: a.id, number: formatFilingNumber(region, a.year, sequence) });
  }
  return out;
}
