/**
 * Synthetic dataset generator: deterministic data directories of any size for benchmarks and
 * tests (`npm run generate`, `npm run bench:validate`).
 */
export { checkOptions, DEFAULT_AS_OF, DEFAULT_SHARED_DIR, EARLIEST_AS_OF, generateDataset } from './generate.ts';
export type { GeneratedFile, GenerateOptions, GenerateSummary } from './generate.ts';
export { assertEmptyOutput, OutputNotEmptyError, writeDataset } from './write.ts';
