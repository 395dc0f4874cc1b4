#!/usr/bin/env -S npx tsx
/** `npm run docs`: see src/cli/docs.ts. */
import { runDocs } from '../src/cli/docs.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runDocs);
