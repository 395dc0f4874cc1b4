/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) for reading hotspots by file and line:
 *
 *   node --cpu-prof --cpu-prof-dir=bench/out/prof bench/validate-worker.ts validate DIR 2026-11-28
 *
 * (plain `node`: Node 24 strips the types itself and keeps every line and column where it was,
 * so the profile's lines are the source's; under tsx they are the transpiled code's)
 *   npx tsx bench/profile-summary.ts bench/out/prof/CPU.….cpuprofile [--filter src/lib] [--top 25]
 *
 * Prints self time per function, inclusive time per function (each function counted once per
 * sample, so recursion does not inflate it) and self time per source line (V8 position ticks).
 * Paths are shown relative to the repository; `--filter` keeps rows whose location contains it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function where(url: string): string {
  if (!url) return '(native)';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.isAbsolute(file) ? path.relative(ROOT, file) : file;
}

// Piping into `head` closes stdout early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { values, positionals } = parseArgs({
  options: { filter: { type: 'string' }, top: { type: 'string' } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: npx tsx bench/profile-summary.ts PROFILE.cpuprofile [--filter TEXT] [--top N]\n');
  process.exit(2);
}
const filter = values.filter ?? '';
const top = Number(values.top ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);

// Time per node (µs) from the samples.
const nodeTime = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  nodeTime.set(id, (nodeTime.get(id) ?? 0) + dt);
  total += dt;
});

const fnKey = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const lines = new Map<string, number>();
for (const [id, time] of nodeTime) {
  const node = byId.get(id)!;
  self.set(fnKey(node), (self.get(fnKey(node)) ?? 0) + time);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parentOf.get(cur)) {
    const key = fnKey(byId.get(cur)!);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
  // Spread the node's time over its lines in proportion to their ticks.
  const ticks = node.positionTicks ?? [];
  const tickSum = ticks.reduce((s, t) => s + t.ticks, 0);
  for (const t of ticks) {
    const key = `${where(node.callFrame.url)}:${t.line}  (${node.callFrame.functionName || '(anonymous)'})`;
    lines.set(key, (lines.get(key) ?? 0) + (time * t.ticks) / tickSum);
  }
}

function show(title: string, map: Map<string, number>): void {
  process.stdout.write(`\n== ${title} — total ${(total / 1000).toFixed(0)} ms${filter ? `, rows matching "${filter}"` : ''}\n`);
  const rows = [...map]
    .filter(([k]) => k.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  for (const [key, time] of rows) {
    process.stdout.write(`${(time / 1000).toFixed(0).padStart(8)} ms ${((100 * time) / total).toFixed(1).padStart(5)}%  ${key}\n`);
  }
}

show('self time by function', self);
show('inclusive time by function', inclusive);
show('self time by line', lines);
