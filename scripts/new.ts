#!/usr/bin/env -S npx tsx
/** `npm run new`: see src/cli/new.ts. */
import { runNew } from '../src/cli/new.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain((argv, io) =>
  runNew(argv, { ...io, input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true }),
);
