/**
 * `npm run build -- [--data DIR] [--as-of YYYY-MM-DD] [--out DIR]`: validates the registry,
 * builds the Astro site from its model and indexes it with Pagefind. Refuses to publish a registry
 * with errors. `SITE` and `BASE` set the deployment origin and sub-path.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/site/build.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' } },
  strict: true,
});
try {
  const result = await buildSite({
    dataDir: path.resolve(values.data ?? process.env.REGISTRY_DATA ?? 'data'),
    asOf: values['as-of'] ?? process.env.REGISTRY_AS_OF,
    outDir: path.resolve(values.out ?? 'dist'),
  });
  console.log(`已生成 ${result.pages} 个页面 → ${path.relative(process.cwd(), result.outDir) || '.'}（数据截至 ${result.asOf}）`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
