#!/usr/bin/env -S npx tsx
/** `npm run report`: see src/cli/report.ts. */
import { runReport } from '../src/cli/report.ts';

process.exitCode = await runReport(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
