#!/usr/bin/env -S npx tsx
/** `npm run validate`: see src/cli/validate.ts. */
import { runValidate } from '../src/cli/validate.ts';

const code = await runValidate(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
});
process.exitCode = code;
