#!/usr/bin/env -S npx tsx
/**
 * `npm run generate -- --accounts N --seed S --out DIR [--as-of YYYY-MM-DD]`
 *
 * Writes a deterministic synthetic data directory (see src/lib/generate/) that validates with
 * zero errors. DIR must not exist or be empty. Exit 0: written. Exit 2: usage problem or DIR
 * not empty (nothing written). Exit 1: the generator failed.
 */
import { parseArgs } from 'node:util';
import { checkOptions, DEFAULT_AS_OF, OutputNotEmptyError, writeDataset } from '../src/lib/generate/index.ts';

const USAGE = `usage: npm run generate -- --accounts N --seed S --out DIR [--as-of YYYY-MM-DD]

  --accounts N         number of account files (≥ 1)
  --seed S             any text; the same seed gives byte-identical output
  --out DIR            output data directory; must not exist or be empty
  --as-of YYYY-MM-DD   "today": no date in the data is later (default ${DEFAULT_AS_OF})
  -h, --help           show this help`;

function fail(message: string): never {
  process.stderr.write(`generate: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      accounts: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (values.accounts === undefined || values.seed === undefined || values.out === undefined)
  fail('--accounts, --seed and --out are required');
if (!/^\d+$/.test(values.accounts)) fail(`--accounts must be a whole number (got ${values.accounts})`);

const options = { accounts: Number(values.accounts), seed: values.seed, asOf: values['as-of'] ?? DEFAULT_AS_OF };
const invalid = checkOptions(options);
if (invalid) fail(invalid);

const started = performance.now();
try {
  const s = writeDataset(values.out, options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `generate: ${values.out}: ${s.accounts} accounts (${s.active} active, ${s.suspended} suspended, ${s.deregistered} deregistered) ` +
      `in ${s.units} units, ${s.inspections} inspections (${s.checks} checks, ${s.rectifications} rectifications, largest ${(s.largestInspectionBytes / 1024 / 1024).toFixed(2)} MiB), ` +
      `${s.impostors} impostors; ${s.files} files, ${(s.bytes / 1024 / 1024).toFixed(1)} MiB, ${seconds} s\n`,
  );
} catch (error) {
  if (error instanceof OutputNotEmptyError) fail(error.message);
  process.stderr.write(`generate: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
}
