#!/usr/bin/env -S npx tsx
/** `npm run schemas`: see src/cli/schemas.ts. */
import { runSchemas } from '../src/cli/schemas.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runSchemas);
