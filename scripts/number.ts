#!/usr/bin/env -S npx tsx
/** `npm run number`: see src/cli/number.ts. */
import { runNumber } from '../src/cli/number.ts';

process.exitCode = runNumber(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
});
