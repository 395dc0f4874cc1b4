/**
 * Reading a whole data directory: every file is read, parsed and checked against its schema on
 * its own, so one bad file never hides problems in the others. Valid files become records with
 * their source positions; invalid ones are reported and left out.
 */
import path from 'node:path';
import type * as z from 'zod';
import { compareProblems, problem, type Location, type Problem } from '../problems.ts';
import {
  deriveAccount,
  deepFreeze,
  type Account,
  type ImpostorRecord,
  type InspectionRecord,
  type SourceRef,
  type Unit,
} from '../model.ts';
import { SCHEMAS, type FileKind } from '../schema/index.ts';
import type { CalendarYear } from '../schema/calendar.ts';
import type { FilingNumbers } from '../schema/filing-numbers.ts';
import type { Platforms } from '../schema/platforms.ts';
import type { Policy } from '../schema/policy.ts';
import type { Site } from '../schema/site.ts';
import { scanLayout, type DataFileRef } from './layout.ts';
import { MAX_FILE_BYTES, MAX_INSPECTION_BYTES, readDataFile } from './read.ts';
import { checkComments } from './comments.ts';
import { checkSchema } from './schema-check.ts';
import type { PathSegment, PositionIndex } from './positions.ts';
import { MAX_INSPECTION_NODES, MAX_NODES, parseYaml, repairFullWidthColons, type ParseOptions } from './yaml.ts';
import { scanPersonalData } from '../rules/personal-data.ts';

/** Source reference backed by a file's position index. */
class Source implements SourceRef {
  readonly file: string;
  readonly #positions: PositionIndex;
  constructor(file: string, positions: PositionIndex) {
    this.file = file;
    this.#positions = positions;
  }
  at(path: readonly PathSegment[], which: 'key' | 'value' = 'value'): Location {
    return { file: this.file, ...this.#positions.at(path, which) };
  }
}

/** A valid file of one kind with its parsed value. */
export interface Entry<T> {
  ref: DataFileRef;
  value: T;
  origin: SourceRef;
}

export interface Dataset {
  site?: Entry<Site>;
  policy?: Entry<Policy>;
  platforms?: Entry<Platforms>;
  /** `filing-numbers.yaml`, when present and valid. */
  filingNumbers?: Entry<FilingNumbers>;
  /** Whether `filing-numbers.yaml` exists (valid or not). */
  hasFilingNumbers: boolean;
  calendars: Entry<CalendarYear>[];
  units: Unit[];
  accounts: Account[];
  inspections: InspectionRecord[];
  impostors: ImpostorRecord[];
  /** Unit ids that have a unit.yaml, valid or not. */
  unitIds: Set<string>;
  /** Account ids that have a file, valid or not, with the file's display path. */
  accountIds: Map<string, string>;
  /** Number of data files read. */
  fileCount: number;
  problems: Problem[];
}

const REQUIRED_ROOT_FILES = ['site.yaml', 'policy.yaml', 'platforms.yaml'] as const;

/** What checking one file found: its schema-checked value when it is valid, and its problems (capped at MAX_PROBLEMS_PER_FILE). */
export interface FileResult {
  value?: unknown;
  problems: Problem[];
  /** The file's positions, when it parsed. */
  positions?: PositionIndex;
}

/** Appends without spreading: a hostile file can have more problems than a call has room for arguments. */
function append(target: Problem[], items: readonly Problem[]): void {
  for (const item of items) target.push(item);
}

/**
 * Most problems reported for one file from reading, parsing and its schema. A hostile 1 MB file
 * (a list of 400,000 wrong items) otherwise yields 400,000 problems and most of a gigabyte of
 * messages; a few such files in one pull request would exhaust the CI machine. Past the limit
 * the first problems (by line) are kept and one more says how many there were.
 */
export const MAX_PROBLEMS_PER_FILE = 1000;

/** Keeps the first MAX_PROBLEMS_PER_FILE problems of one file (by position) and says how many were left out. */
function capProblems(fileProblems: Problem[]): Problem[] {
  if (fileProblems.length <= MAX_PROBLEMS_PER_FILE) return fileProblems;
  const sorted = fileProblems.sort(compareProblems);
  const kept = sorted.slice(0, MAX_PROBLEMS_PER_FILE);
  const next = sorted[MAX_PROBLEMS_PER_FILE]!;
  kept.push(problem('yaml-unsafe.too-many-problems', next, { shown: MAX_PROBLEMS_PER_FILE, total: sorted.length }));
  return kept;
}

/** Inspection records and the filing-number ledger grow with the registry: they get the larger limits. */
function grows(ref: DataFileRef): boolean {
  return ref.kind === 'inspection' || ref.kind === 'filing-numbers';
}

/** How a file of this kind is parsed: growing files may hold more values; all try the canonical-layout reader. */
function yamlOptions(ref: DataFileRef): ParseOptions {
  return { maxNodes: grows(ref) ? MAX_INSPECTION_NODES : MAX_NODES, canonical: true };
}

/** Reads, parses and schema-checks one file. */
export function checkFile(ref: DataFileRef): FileResult {
  const problems: Problem[] = [];
  const read = readDataFile(ref.abs, ref.file, grows(ref) ? MAX_INSPECTION_BYTES : MAX_FILE_BYTES);
  if (read.problem) return { problems: [read.problem] };
  append(problems, checkComments(read.text, ref.file));
  const repaired = repairFullWidthColons(read.text, ref.file);
  append(problems, repaired.problems);
  const parsed = parseYaml(repaired.text, ref.file, yamlOptions(ref));
  if (!parsed.parsed) {
    append(problems, parsed.problems);
    return { problems: capProblems(problems) };
  }
  const { data, positions } = parsed.parsed;
  append(problems, scanPersonalData(data, ref.file, positions));
  const schema = SCHEMAS[ref.kind] as z.ZodType;
  const checked = checkSchema(schema, data, ref.file, positions);
  if (checked.problems.length > 0) {
    append(problems, checked.problems);
    return { problems: capProblems(problems), positions };
  }
  return { value: checked.value, problems: capProblems(problems), positions };
}

/** Reads every file of a data directory. */
export function readDataset(dataDir: string): Dataset {
  const layout = scanLayout(dataDir);
  const problems = [...layout.problems];
  const dataset: Dataset = {
    hasFilingNumbers: layout.files.some((f) => f.kind === 'filing-numbers'),
    calendars: [],
    units: [],
    accounts: [],
    inspections: [],
    impostors: [],
    unitIds: new Set(layout.files.filter((f) => f.kind === 'unit' && !f.misnamed).map((f) => f.unit!)),
    accountIds: new Map(layout.files.filter((f) => f.kind === 'account' && !f.misnamed).map((f) => [`${f.unit}/${f.name}`, f.file])),
    fileCount: layout.files.length,
    problems,
  };
  const present = new Set(layout.files.map((f) => f.rel));
  const dataName = path.basename(path.resolve(dataDir));
  for (const name of REQUIRED_ROOT_FILES) {
    if (!present.has(name))
      problems.push(problem('schema.required-file', { file: `${dataName}/${name}`, line: 1, column: 1 }, { path: `${dataName}/${name}` }));
  }
  for (const ref of layout.files) {
    const result = checkFile(ref);
    append(problems, result.problems);
    if (result.value === undefined || !result.positions || ref.misnamed) continue;
    const value = result.value;
    const origin = new Source(ref.file, result.positions);
    const entry = <T>() => ({ ref, value: deepFreeze(value) as T, origin });
    switch (ref.kind as FileKind) {
      case 'site':
        dataset.site = entry<Site>();
        break;
      case 'policy':
        dataset.policy = entry<Policy>();
        break;
      case 'platforms':
        dataset.platforms = entry<Platforms>();
        break;
      case 'filing-numbers':
        dataset.filingNumbers = entry<FilingNumbers>();
        break;
      case 'calendar':
        dataset.calendars.push(entry<CalendarYear>());
        break;
      case 'unit':
        dataset.units.push(deepFreeze({ ...(value as Unit), origin }));
        break;
      case 'account':
        dataset.accounts.push(deriveAccount(value as Parameters<typeof deriveAccount>[0], ref.unit!, ref.name, origin));
        break;
      case 'inspection':
        dataset.inspections.push(deepFreeze({ ...(value as InspectionRecord), origin }));
        break;
      case 'impostor':
        dataset.impostors.push(deepFreeze({ ...(value as ImpostorRecord), id: ref.name, origin }));
        break;
    }
  }
  dataset.inspections.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return dataset;
}
