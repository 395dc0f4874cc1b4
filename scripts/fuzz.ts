#!/usr/bin/env -S npx tsx
/**
 * `npm run fuzz -- [--runs N] [--seed S] [--property NAME…] [--max-case-ms MS] [--path P]`
 *
 * Long fuzzing runs of the loader and validator (the properties of
 * test/fixtures/adversarial/fuzz.ts; test/fuzz.test.ts runs the same ones briefly with fixed
 * seeds). Prints the seed of every property so a run can be repeated, and on failure the
 * shrunk (minimal) counterexample and the command that replays it.
 *
 * Besides the properties, every case must finish within --max-case-ms (default 10 000 ms): a
 * case that takes longer is a hang the loader should bound, and fails the run.
 *
 * Exit 0: every property held. Exit 1: a property failed. Exit 2: usage problem.
 */
import fc from 'fast-check';
import { parseFlags, UsageError } from '../src/cli/usage.ts';
import { PROPERTIES, Sandbox } from '../test/fixtures/adversarial/fuzz.ts';

const USAGE = `usage: npm run fuzz -- [--runs N] [--seed S] [--property NAME]… [--max-case-ms MS] [--path P]

  --runs N          cases per property (default 2000)
  --seed S          integer seed (default: random, printed)
  --property NAME   run only this property (repeatable): ${PROPERTIES.map((p) => p.name).join(', ')}
  --max-case-ms MS  longest a single case may take (default 10000)
  --path P          replay one counterexample (with --seed and --property, as printed on failure)
  -h, --help        show this help`;

function usage(message: string): never {
  process.stderr.write(`fuzz: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseFlags(process.argv.slice(2), {
    runs: { type: 'string' },
    seed: { type: 'string' },
    property: { type: 'string', multiple: true },
    'max-case-ms': { type: 'string' },
    path: { type: 'string' },
  }));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  usage(error.message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const integer = (text: string | undefined, name: string, fallback: number): number => {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) usage(`${name} must be an integer, not ${text}`);
  return Number(text);
};
const runs = integer(values.runs, '--runs', 2000);
const seed = integer(values.seed, '--seed', Math.floor(Math.random() * 2 ** 31));
const maxCaseMs = integer(values['max-case-ms'], '--max-case-ms', 10_000);
const names = values.property ?? PROPERTIES.map((p) => p.name);
for (const name of names) if (!PROPERTIES.some((p) => p.name === name)) usage(`unknown property ${name}`);
if (values.path !== undefined && names.length !== 1) usage('--path replays one property: give exactly one --property');

const sandbox = new Sandbox();
let failed = false;
let slowest = { ms: 0, property: '' };
try {
  for (const { name, description, arbitrary, check } of PROPERTIES.filter((p) => names.includes(p.name))) {
    process.stdout.write(`${name}: ${description}\n  seed ${seed}, ${runs} cases … `);
    const started = performance.now();
    const details = fc.check(
      fc.property(arbitrary, (value) => {
        const t = performance.now();
        check(sandbox, value);
        const ms = performance.now() - t;
        if (ms > slowest.ms) slowest = { ms, property: name };
        // A slow case is a failure like a broken invariant: the loader should have bounded it.
        if (ms > maxCaseMs) throw new Error(`case took ${Math.round(ms)} ms (limit ${maxCaseMs} ms)`);
      }),
      { numRuns: runs, seed, path: values.path, includeErrorInReport: true },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (details.failed) {
      failed = true;
      process.stdout.write(`FAILED after ${details.numRuns} cases (${seconds} s)\n`);
      process.stdout.write(`${fc.defaultReportMessage(details) ?? ''}\n`);
      process.stdout.write(
        `  replay: npm run fuzz -- --property ${name} --seed ${seed} --path "${details.counterexamplePath}" --runs 1\n\n`,
      );
    } else {
      process.stdout.write(`ok (${seconds} s)\n`);
    }
  }
} finally {
  sandbox.dispose();
}
process.stdout.write(
  `slowest case: ${Math.round(slowest.ms)} ms (${slowest.property}); peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
);
process.exit(failed ? 1 : 0);
