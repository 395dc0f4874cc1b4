#!/usr/bin/env -S npx tsx
/** `npm run inspection:import`: see src/cli/inspection-import.ts. */
import { runInspectionImport } from '../src/cli/inspection-import.ts';

process.exitCode = await runInspectionImport(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
