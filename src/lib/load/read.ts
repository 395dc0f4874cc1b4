/**
 * Reading a data file's bytes safely: a size limit, no symlinks, UTF-8 only (a BOM is
 * tolerated), with a GBK/GB18030 guess for files saved by Chinese Windows editors.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { problem, type Problem } from '../problems.ts';

/** Largest accepted file, in bytes. Inspection records list every account, so they get more room. */
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_INSPECTION_BYTES = 8 * 1024 * 1024;

export type ReadResult = { text: string; problem?: undefined } | { text?: undefined; problem: Problem };

/** Offset of the first byte that is not part of a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** 1-based line and column (in bytes) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Whether the bytes decode as GB18030 (a superset of GBK) into mostly Chinese text. */
function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return /\p{Script=Han}/u.test(text);
  } catch {
    return false;
  }
}

/** Decodes UTF-8 bytes (BOM stripped) or explains why they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, file: string): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: problem('encoding.utf16', { file, line: 1, column: 1 }, {}) };
  }
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const at = { file, ...bytePosition(bytes, Math.max(offset, 0)) };
    return { problem: looksLikeGbk(bytes) ? problem('encoding.gbk', at, {}) : problem('encoding.invalid', at, {}) };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return { problem: problem('encoding.binary', { file, ...bytePosition(bytes, nul) }, {}) };
  }
  return { text };
}

/** Reads a data file: refuses symlinks and oversized files, then decodes it. */
export function readDataFile(abs: string, file: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  const at = { file, line: 1, column: 1 };
  let stat;
  try {
    stat = lstatSync(abs);
  } catch (error) {
    return { problem: problem('yaml-unsafe.unreadable', at, { reason: String((error as Error).message) }) };
  }
  if (stat.isSymbolicLink()) return { problem: problem('yaml-unsafe.symlink', at, {}) };
  if (!stat.isFile()) return { problem: problem('yaml-unsafe.not-a-file', at, {}) };
  if (stat.size > maxBytes) {
    return { problem: problem('yaml-unsafe.too-large', at, { size: stat.size, limit: maxBytes }) };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (error) {
    return { problem: problem('yaml-unsafe.unreadable', at, { reason: String((error as Error).message) }) };
  }
  return decodeUtf8(bytes, file);
}
