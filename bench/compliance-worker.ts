/**
 * One size of the compliance benchmark (bench/compliance.ts), in its own process: loads the
 * registry once, then times the compliance model, the annual assessment and the weekly report
 * `runs` times each; prints one JSON line.
 */
import { annualSummary } from '../src/lib/compliance/annual.ts';
import { renderHtml, renderMarkdown } from '../src/lib/compliance/document.ts';
import { computeCompliance } from '../src/lib/compliance/engine.ts';
import { weeklyCsv, weeklyReport } from '../src/lib/compliance/report.ts';
import { loadRegistry } from '../src/lib/registry.ts';

export interface ComplianceWorkerResult {
  accounts: number;
  units: number;
  inspections: number;
  issues: number;
  loadMs: number;
  modelMs: number[];
  /** CPU time (user + system) of each model run: steadier than wall time on a shared machine. */
  modelCpuMs: number[];
  annualMs: number[];
  reportMs: number[];
  maxRssKb: number;
}

const [dir, asOf, runsText] = process.argv.slice(2);
const runs = Number(runsText);
const time = <T>(fn: () => T): [T, number] => {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
};

const [loaded, loadMs] = time(() => loadRegistry(dir!, { asOf }));
const registry = loaded.registry!;
const result: ComplianceWorkerResult = {
  accounts: registry.accounts.length,
  units: registry.units.length,
  inspections: registry.inspections.length,
  issues: 0,
  loadMs,
  modelMs: [],
  modelCpuMs: [],
  annualMs: [],
  reportMs: [],
  maxRssKb: 0,
};
const year = Number(asOf!.slice(0, 4));
for (let i = 0; i < runs; i++) {
  const cpu = process.cpuUsage();
  const [compliance, modelMs] = time(() => computeCompliance(registry));
  const used = process.cpuUsage(cpu);
  result.issues = compliance.issues.length;
  result.modelMs.push(modelMs);
  result.modelCpuMs.push((used.user + used.system) / 1000);
  result.annualMs.push(time(() => annualSummary(registry, year))[1]);
  result.reportMs.push(
    time(() => {
      const doc = weeklyReport(compliance);
      return renderMarkdown(doc).length + renderHtml(doc).length + weeklyCsv(compliance).length;
    })[1],
  );
}
result.maxRssKb = process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify(result)}\n`);
