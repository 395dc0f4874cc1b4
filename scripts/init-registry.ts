#!/usr/bin/env -S npx tsx
/** `npm run init:registry`: see src/cli/init-registry.ts. */
import { runInitRegistry } from '../src/cli/init-registry.ts';

process.exitCode = runInitRegistry(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
});
