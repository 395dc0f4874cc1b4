#!/usr/bin/env -S npx tsx
/** `npm run pr-summary`: see src/cli/pr-summary.ts. */
import { runPrSummary } from '../src/cli/pr-summary.ts';

process.exitCode = runPrSummary(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
});
