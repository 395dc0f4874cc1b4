#!/usr/bin/env -S npx tsx
/** `npm run init-registry`: see src/cli/init-registry.ts. */
import { runInitRegistry } from '../src/cli/init-registry.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runInitRegistry);
