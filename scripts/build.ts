/**
 * `npm run build -- [--data DIR] [--as-of YYYY-MM-DD] [--out DIR]`: validates the registry,
 * builds the Astro site from its model and indexes it with Pagefind (src/site/build.ts). Refuses
 * to publish a registry with errors. `SITE` overrides the public address of data/site.yaml;
 * `BASE` sets the deployment sub-path.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, PROJECT_ROOT } from '../src/site/build.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' } },
  strict: true,
});
const dataDir = path.resolve(values.data || process.env.REGISTRY_DATA || 'data');
const outDir = path.resolve(values.out ?? 'dist');
// Run from the project, as `npm run` does (Astro resolves its intermediate build's packages from
// the working directory); the paths above are the caller's.
process.chdir(PROJECT_ROOT);
try {
  const result = await buildSite({ dataDir, asOf: values['as-of'] || process.env.REGISTRY_AS_OF || undefined, outDir });
  console.log(`已生成 ${result.pages} 个页面 → ${outDir}（数据截至 ${result.asOf}）`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
