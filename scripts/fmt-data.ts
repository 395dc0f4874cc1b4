#!/usr/bin/env -S npx tsx
/** `npm run fmt:data`: see src/cli/fmt-data.ts. */
import { runFmtData } from '../src/cli/fmt-data.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runFmtData);
