/**
 * Temporary fixture folders for tests: a copy of test/fixtures/registry/data with some files
 * changed, added or removed, validated with a pinned "today".
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { loadRegistry, type LoadResult } from '../../src/lib/registry.ts';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const FIXTURE = path.join(REPO, 'test', 'fixtures', 'registry', 'data');
/** "Today" in tests: the fixture's latest inspection is 2026-11-23. */
export const AS_OF = '2026-11-28';

/** New content of a file: text, bytes, a function of the current text, or null to delete it. */
export type Change = string | Uint8Array | null | ((current: string) => string);
export type Changes = Record<string, Change>;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Replaces `from` by `to` in a file's text, failing loudly when `from` is absent. */
export function replace(from: string, to: string): (current: string) => string {
  return (current) => {
    if (!current.includes(from)) throw new Error(`fixture text not found: ${from}`);
    return current.replace(from, to);
  };
}

/** A temporary copy of the fixture registry with `changes` applied; returns its `data` dir. */
export function makeFixture(changes: Changes = {}, base = FIXTURE): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-test-'));
  roots.push(root);
  const dir = path.join(root, 'data');
  cpSync(base, dir, { recursive: true });
  for (const [rel, change] of Object.entries(changes)) {
    const file = path.join(dir, rel);
    if (change === null) {
      rmSync(file, { recursive: true, force: true });
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    const content = typeof change === 'function' ? change(readFileSync(file, 'utf8')) : change;
    writeFileSync(file, content);
  }
  return dir;
}

/** Loads a changed copy of the fixture registry. */
export function loadFixture(changes: Changes = {}, asOf = AS_OF): LoadResult {
  return loadRegistry(makeFixture(changes), { asOf });
}
