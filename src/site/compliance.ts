/**
 * The compliance model as the site sees it: computed once per registry (src/integration/store.mjs)
 * and shared by the compliance pages, the unit and account cards and the bulk renderer
 * (src/site/bulk.ts).
 */
import type { Compliance, UnitCompliance } from '../lib/compliance/engine.ts';
import { computeCompliance } from '../lib/compliance/engine.ts';
import { annualSummary, assessmentYears, type AnnualSummary } from '../lib/compliance/annual.ts';
import type { Registry } from '../lib/model.ts';
import { derived } from '../integration/registry-store.ts';

/** The compliance model of a registry (computed once). */
export function complianceOf(registry: Registry): Compliance {
  return derived('compliance', registry, computeCompliance);
}

/** Rank of a grade in the units table, worst first. */
export const GRADE_RANK = { fail: 0, pass: 1, good: 2, excellent: 3, none: 4 } as const;

/** The units of the compliance model, worst first: by grade, then by score, then by id. */
export function unitsWorstFirst(compliance: Compliance): readonly UnitCompliance[] {
  return derived('compliance-units', compliance.registry, () =>
    [...compliance.units.values()].sort(
      (a, b) =>
        GRADE_RANK[a.grade ?? 'none'] - GRADE_RANK[b.grade ?? 'none'] || (a.score ?? 101) - (b.score ?? 101) || (a.id < b.id ? -1 : 1),
    ),
  );
}

const ANNUAL_RANK = { fail: 0, pass: 1, good: 2, excellent: 3 } as const;

/** The annual summary of every assessment year, with its units worst first (computed once per registry). */
export function annualSummaries(registry: Registry): ReadonlyMap<number, { summary: AnnualSummary; units: AnnualSummary['units'] }> {
  return derived(
    'annual-summaries',
    registry,
    (r) =>
      new Map(
        assessmentYears(r).map((year) => {
          const summary = annualSummary(r, year);
          const units = [...summary.units].sort(
            (a, b) =>
              (a.grade ? ANNUAL_RANK[a.grade.grade] : 4) - (b.grade ? ANNUAL_RANK[b.grade.grade] : 4) ||
              (a.grade?.score ?? 101) - (b.grade?.score ?? 101) ||
              (a.id < b.id ? -1 : 1),
          );
          return [year, { summary, units }];
        }),
      ),
  );
}
