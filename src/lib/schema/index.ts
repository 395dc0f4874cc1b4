/** The schema of every kind of data file, by kind. */
import { AccountSchema } from './account.ts';
import { CalendarSchema } from './calendar.ts';
import { FilingNumbersSchema } from './filing-numbers.ts';
import { ImpostorSchema } from './impostor.ts';
import { InspectionSchema } from './inspection.ts';
import { PlatformsSchema } from './platforms.ts';
import { PolicySchema } from './policy.ts';
import { SiteSchema } from './site.ts';
import { UnitSchema } from './unit.ts';

export const SCHEMAS = {
  site: SiteSchema,
  policy: PolicySchema,
  platforms: PlatformsSchema,
  calendar: CalendarSchema,
  unit: UnitSchema,
  account: AccountSchema,
  inspection: InspectionSchema,
  impostor: ImpostorSchema,
  'filing-numbers': FilingNumbersSchema,
} as const;

/** A kind of data file. */
export type FileKind = keyof typeof SCHEMAS;
export const FILE_KINDS = Object.keys(SCHEMAS) as FileKind[];

export * from './account.ts';
export * from './calendar.ts';
export * from './common.ts';
export * from './filing-numbers.ts';
export * from './impostor.ts';
export * from './inspection.ts';
export * from './platforms.ts';
export * from './policy.ts';
export * from './site.ts';
export * from './unit.ts';
