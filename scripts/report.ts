#!/usr/bin/env -S npx tsx
/** `npm run report`: see src/cli/report.ts. */
import { runReport } from '../src/cli/report.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runReport);
