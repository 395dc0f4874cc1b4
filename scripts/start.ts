/** `npm start`: see src/cli/start.ts (run with `node --import tsx`, one process). */
import { runStart } from '../src/cli/start.ts';
import { runMain } from '../src/cli/usage.ts';

await runMain(runStart);
