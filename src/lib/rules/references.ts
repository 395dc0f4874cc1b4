/** `unknown-reference`: units, accounts, platforms and inspectors referred to must exist. */
import { statusOn } from '../model.ts';
import { problem } from '../problems.ts';
import type { RuleContext } from './context.ts';

export function checkReferences(ctx: RuleContext): void {
  const { dataset, platformById } = ctx;
  const knownPlatforms = platformById ? [...platformById.keys()].join('、') : '';
  const platformExists = (id: string) => !platformById || platformById.has(id);
  const unitExists = (id: string) => dataset.unitIds.has(id);
  const accountExists = (id: string) => dataset.accountIds.has(id);

  // An accounts folder needs its unit.yaml: reported once per unit, on its first account file.
  const reported = new Set<string>();
  for (const [id, file] of dataset.accountIds) {
    const unit = id.split('/')[0]!;
    if (!unitExists(unit) && !reported.has(unit)) {
      reported.add(unit);
      ctx.report(problem('unknown-reference.unit-missing', { file, line: 1, column: 1 }, { unit }));
    }
  }

  for (const unit of dataset.units) {
    if (unit.parent !== null && !unitExists(unit.parent))
      ctx.report(problem('unknown-reference.parent', unit.origin.at(['parent']), { parent: unit.parent }));
  }
  // Parent cycles.
  for (const unit of dataset.units) {
    const seen = new Set<string>([unit.id]);
    let parent = unit.parent;
    while (parent !== null) {
      if (seen.has(parent)) {
        if (parent === unit.id) ctx.report(problem('unknown-reference.parent-cycle', unit.origin.at(['parent']), { unit: unit.id }));
        break;
      }
      seen.add(parent);
      parent = ctx.unitById.get(parent)?.parent ?? null;
    }
  }

  for (const account of dataset.accounts) {
    if (!platformExists(account.platform)) {
      ctx.report(
        problem('unknown-reference.platform', account.origin.at(['platform']), { platform: account.platform, known: knownPlatforms }),
      );
    }
    account.events.forEach((e, i) => {
      if ((e.type !== 'suspended' && e.type !== 'deregistered') || !e.successor) return;
      const at = account.origin.at(['events', i, 'successor']);
      if (e.successor === account.id) ctx.report(problem('unknown-reference.successor-self', at, { successor: e.successor }));
      else if (!accountExists(e.successor)) ctx.report(problem('unknown-reference.successor', at, { successor: e.successor }));
      else {
        // Citizens are sent to the successor from the day of the closure: it cannot have been
        // closed already then. (Closed later is fine: its own closure names the next one.)
        const successor = ctx.accountById.get(e.successor);
        const then = successor ? statusOn(successor, e.date) : null;
        if (successor && (then === 'suspended' || then === 'deregistered')) {
          ctx.report(
            problem('unknown-reference.successor-closed', at, {
              successor: e.successor,
              state: then === 'suspended' ? '关停' : '注销',
              date: e.date,
              next: successor.successor && successor.successor !== account.id ? successor.successor : '',
            }),
          );
        }
      }
    });
  }

  for (const inspection of dataset.inspections) {
    if (!unitExists(inspection.inspector)) {
      ctx.report(problem('unknown-reference.inspector', inspection.origin.at(['inspector']), { inspector: inspection.inspector }));
    }
    inspection.checks.forEach((c, i) => {
      if (!accountExists(c.account))
        ctx.report(problem('unknown-reference.account', inspection.origin.at(['checks', i, 'account']), { account: c.account }));
    });
    inspection.rectifications.forEach((r, i) => {
      if (!accountExists(r.account))
        ctx.report(problem('unknown-reference.account', inspection.origin.at(['rectifications', i, 'account']), { account: r.account }));
    });
  }

  for (const impostor of dataset.impostors) {
    if (!platformExists(impostor.platform)) {
      ctx.report(
        problem('unknown-reference.platform', impostor.origin.at(['platform']), { platform: impostor.platform, known: knownPlatforms }),
      );
    }
    const target = impostor.imitates;
    if (!(target.includes('/') ? accountExists(target) : unitExists(target))) {
      ctx.report(problem('unknown-reference.imitates', impostor.origin.at(['imitates']), { target }));
    }
  }

  const office = dataset.site?.value.office.unit;
  if (office && !unitExists(office)) {
    ctx.report(problem('unknown-reference.office-unit', dataset.site!.origin.at(['office', 'unit']), { unit: office }));
  }
}
