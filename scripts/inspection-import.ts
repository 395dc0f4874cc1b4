#!/usr/bin/env -S npx tsx
/** `npm run inspection:import`: see src/cli/inspection-import.ts. */
import { runInspectionImport } from '../src/cli/inspection-import.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runInspectionImport);
