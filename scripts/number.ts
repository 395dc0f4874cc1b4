#!/usr/bin/env -S npx tsx
/** `npm run number`: see src/cli/number.ts. */
import { runNumber } from '../src/cli/number.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runNumber);
