#!/usr/bin/env -S npx tsx
/** `npm run generate`: see src/cli/generate.ts. */
import { runGenerate } from '../src/cli/generate.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runGenerate);
