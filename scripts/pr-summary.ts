#!/usr/bin/env -S npx tsx
/** `npm run pr-summary`: see src/cli/pr-summary.ts. */
import { runPrSummary } from '../src/cli/pr-summary.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runPrSummary);
