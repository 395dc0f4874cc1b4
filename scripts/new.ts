#!/usr/bin/env -S npx tsx
/** `npm run new`: see src/cli/new.ts. */
import { runNew } from '../src/cli/new.ts';

process.exitCode = await runNew(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  input: process.stdin,
  output: process.stdout,
  interactive: process.stdin.isTTY === true,
});
