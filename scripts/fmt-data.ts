#!/usr/bin/env -S npx tsx
/** `npm run fmt:data`: see src/cli/fmt-data.ts. */
import { runFmtData } from '../src/cli/fmt-data.ts';

process.exitCode = runFmtData(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
});
