#!/usr/bin/env -S npx tsx
/** `npm run codeowners`: see src/cli/codeowners.ts. */
import { runCodeowners } from '../src/cli/codeowners.ts';

process.exitCode = runCodeowners(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
});
