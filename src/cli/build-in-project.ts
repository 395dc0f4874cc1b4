/**
 * The child process `npm run build` starts when its working directory is not the project folder
 * (src/cli/build.ts): runs buildSite (src/site/build.ts) with the project folder as its working
 * directory and sends the outcome to the parent over IPC. Started with `node --import tsx`; the
 * options (absolute paths) come as JSON in the first argument.
 */
import { buildSite, type BuildOptions } from '../site/build.ts';
import type { BuildOutcome } from './build.ts';

const send = (outcome: BuildOutcome) => new Promise<void>((resolve) => process.send!(outcome, () => resolve()));

const options = JSON.parse(process.argv[2] ?? '{}') as BuildOptions;
try {
  const { outDir, asOf, pages } = await buildSite(options);
  await send({ ok: true, outDir, asOf, pages });
} catch (error) {
  await send({ ok: false, message: (error as Error).message });
}
process.disconnect();
