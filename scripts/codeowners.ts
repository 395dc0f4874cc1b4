#!/usr/bin/env -S npx tsx
/** `npm run codeowners`: see src/cli/codeowners.ts. */
import { runCodeowners } from '../src/cli/codeowners.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runCodeowners);
