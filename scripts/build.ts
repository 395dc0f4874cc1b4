#!/usr/bin/env -S npx tsx
/** `npm run build`: see src/cli/build.ts. */
import { runBuild } from '../src/cli/build.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runBuild);
