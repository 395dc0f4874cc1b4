/**
 * `personal-data`: no value anywhere in a file may hold a mainland mobile number, a resident ID
 * number or a personal QQ mailbox (found by src/lib/facts/personal-data.ts; comments and file
 * names are checked in src/lib/load/comments.ts).
 */
import { findPersonalData } from '../facts/personal-data.ts';
import type { PathSegment, PositionIndex } from '../load/positions.ts';
import { problem, type Problem } from '../problems.ts';

export { findPersonalData, isResidentId, type PersonalDatum } from '../facts/personal-data.ts';

/** Scans every string and number of a parsed file. */
export function scanPersonalData(data: unknown, file: string, positions: PositionIndex): Problem[] {
  const problems: Problem[] = [];
  const path: PathSegment[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') {
      // Only a plain scalar YAML read as a number has a source text (`013912345678` → 13912345678).
      const text = typeof value === 'string' ? value : (positions.scalarSource(path) ?? String(value));
      for (const datum of findPersonalData(text)) {
        problems.push(problem(`personal-data.${datum.kind}`, { file, ...positions.at(path) }, { masked: datum.masked }));
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        path.push(k);
        visit(v);
        path.pop();
      }
    }
  };
  visit(data);
  return problems;
}
