/**
 * `npm run bench [-- NAME…]`: every benchmark in turn (validate, compliance, verify, build,
 * load), or the named ones, each in its own process with its own default sizes. A benchmark
 * that misses its budget (exit 1) does not stop the others; the summary lists each result and
 * the exit code is 1 when any missed. Figures go to bench/out/<name>.json.
 */
import { spawnSync } from 'node:child_process';

const ALL = ['validate', 'compliance', 'verify', 'build', 'load'];
const wanted = process.argv.slice(2).filter((a) => a !== '--');
const unknown = wanted.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')} (choose from ${ALL.join(', ')})\n`);
  process.exit(2);
}
const names = wanted.length > 0 ? wanted : ALL;
const results: { name: string; code: number | null; minutes: number }[] = [];
for (const name of names) {
  process.stdout.write(`\n=== npm run bench:${name} ===\n`);
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', `bench:${name}`], { stdio: 'inherit' });
  results.push({ name, code: run.status, minutes: (performance.now() - started) / 60_000 });
}
process.stdout.write('\n=== summary ===\n');
for (const r of results)
  process.stdout.write(
    `${r.code === 0 ? 'within budget' : r.code === 1 ? 'MISSED budget' : `failed (exit ${r.code})`}  bench:${r.name}  ${r.minutes.toFixed(1)} min\n`,
  );
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
