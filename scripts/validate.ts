#!/usr/bin/env -S npx tsx
/** `npm run validate`: see src/cli/validate.ts. */
import { runValidate } from '../src/cli/validate.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runValidate);
