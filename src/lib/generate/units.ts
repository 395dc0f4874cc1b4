/**
 * The synthetic units (主办单位), as an endless stream: the provincial office and the
 * information centre that inspects every account, then county after county — the county
 * government, its departments and institutions, its townships each followed by some of its
 * villages (村委会/社区, `parent` = the township). Names are composed from syllables whose
 * pinyin makes the folder id, so `安宁县教育局` lives in `units/anning-jiaoyuju/`.
 */
import type { UnitKind } from '../schema/unit.ts';
import type { Random } from './random.ts';
import { DEPARTMENTS, INSTITUTIONS, PLACE_SYLLABLES, type Body, type Syllable } from './vocabulary.ts';

/** A unit to generate, with what its accounts are made from. */
export interface UnitPlan {
  id: string;
  name: string;
  shortName: string;
  aliases: string[];
  kind: UnitKind;
  parent: string | null;
  contact: { phone?: string; email?: string; website?: string };
  /** Place part of account names, e.g. 安宁 (安宁教育) or 石桥镇 (石桥镇发布). */
  stem: string;
  /** Subject of purposes, e.g. 教育. */
  topic: string;
  /** Lower-case initials that handles start with. */
  prefix: string;
  /** Lower-case pinyin of the county (app package names). */
  region: string;
  /** The office that approves waivers for this unit. */
  approver: string;
  /** Range of the number of accounts it runs. */
  accounts: readonly [min: number, max: number];
  /** Written even when the dataset's accounts are all given out (site.yaml and inspections refer to it). */
  required?: boolean;
}

/** Name and id of the provincial office (site.yaml `office`) and of the inspecting unit. */
export const REGION_NAME = '示例省';
export const OFFICE_UNIT = 'zhengfuban';
export const OFFICE_NAME = `${REGION_NAME}人民政府办公厅`;
export const INSPECTOR_UNIT = 'xinxi-zhongxin';

/** Hands out unique ids and names. */
class Registry {
  readonly #ids = new Set<string>();
  readonly #names = new Set<string>();

  /** `base`, or `base2`, `base3`… when taken. */
  id(base: string): string {
    let id = base;
    for (let n = 2; this.#ids.has(id); n++) id = `${base}${n}`;
    this.#ids.add(id);
    return id;
  }

  /** Whether a name is free; takes it when it is. */
  claimName(name: string): boolean {
    if (this.#names.has(name)) return false;
    this.#names.add(name);
    return true;
  }
}

interface Place {
  han: string;
  pinyin: string;
  initials: string;
}

function place(random: Random, length = 2): Place {
  const parts: Syllable[] = [];
  for (let i = 0; i < length; i++) parts.push(random.pick(PLACE_SYLLABLES));
  return { han: parts.map((p) => p[0]).join(''), pinyin: parts.map((p) => p[1]).join(''), initials: parts.map((p) => p[1][0]).join('') };
}

/** A place name not used before in `scope` (county names across the region, township names in a county…). */
function freshPlace(random: Random, taken: Registry, scope: string): Place {
  for (;;) {
    const p = place(random);
    if (taken.claimName(`${scope}:${p.han}`)) return p;
  }
}

function phone(random: Random): string {
  // Landline: area code 09xx, then 7 digits not starting with 1 (never a mobile number).
  return `09${random.int(30, 39)}-${random.int(6, 8)}${String(random.int(0, 999_999)).padStart(6, '0')}`;
}

/** Distinct items in their list order, `min`–`max` of them. */
function subset<T>(random: Random, items: readonly T[], min: number, max: number): T[] {
  const want = Math.min(items.length, random.int(min, max));
  const chosen = new Set(random.weightedSample(items, () => 1, want));
  return items.filter((item) => chosen.has(item));
}

/** The endless stream of units, in a fixed order for a given random stream. */
export function* unitStream(random: Random): Generator<UnitPlan> {
  const taken = new Registry();
  const rootApprover = OFFICE_NAME;
  yield {
    id: taken.id(OFFICE_UNIT),
    name: OFFICE_NAME,
    shortName: '省政府办公厅',
    aliases: [],
    kind: 'other',
    parent: null,
    contact: { phone: phone(random), email: 'office@gov.example', website: 'https://www.example.gov.cn/' },
    stem: '示例',
    topic: '全省',
    prefix: 'sl',
    region: 'shili',
    approver: rootApprover,
    accounts: [3, 4],
    required: true,
  };
  yield {
    id: taken.id(INSPECTOR_UNIT),
    name: `${REGION_NAME}人民政府信息中心`,
    shortName: '省政府信息中心',
    aliases: [],
    kind: 'institution',
    parent: null,
    contact: { phone: phone(random), email: 'xxzx@gov.example' },
    stem: '示例政务',
    topic: '政务服务',
    prefix: 'xx',
    region: 'shili',
    approver: rootApprover,
    accounts: [1, 2],
    required: true,
  };

  for (;;) {
    const county = freshPlace(random, taken, 'county');
    const cid = taken.id(county.pinyin);
    const c = county.han;
    const approver = `${c}县人民政府办公室`;
    const domain = `${cid}.example.gov.cn`;
    const base = { region: cid, approver, parent: null };

    yield {
      ...base,
      id: taken.id(`${cid}-zhengfu`),
      name: `${c}县人民政府`,
      shortName: `${c}县政府`,
      aliases: random.chance(0.5) ? [approver] : [],
      kind: 'other',
      contact: { phone: phone(random), email: `zfb@${domain}`, website: `https://www.${domain}/` },
      stem: c,
      topic: `${c}县`,
      prefix: `${county.initials}zf`,
      accounts: [7, 9],
    };

    const body = (b: Body, kind: UnitKind, accounts: readonly [number, number]): UnitPlan => ({
      ...base,
      id: taken.id(`${cid}-${b.id}`),
      name: `${c}县${b.name}`,
      shortName: `${c}${b.name}`,
      aliases: b.formerName && random.chance(0.5) ? [`${c}县${b.formerName}`] : [],
      kind,
      contact: { phone: phone(random), email: `${b.id}@${domain}` },
      stem: c,
      topic: b.topic,
      prefix: `${county.initials}${b.abbr}`,
      accounts,
    });
    for (const d of subset(random, DEPARTMENTS, 16, 22)) yield body(d, 'county-department', [5, 8]);
    for (const i of subset(random, INSTITUTIONS, 3, 7)) yield body(i, 'institution', [4, 7]);

    const townships = random.int(8, 12);
    for (let t = 0; t < townships; t++) {
      const town = freshPlace(random, taken, cid);
      const suffix = random.chance(0.7) ? '镇' : '乡';
      const townId = taken.id(`${cid}-${town.pinyin}`);
      const townName = `${town.han}${suffix}`;
      yield {
        ...base,
        id: townId,
        name: `${c}县${townName}人民政府`,
        shortName: townName,
        aliases: [],
        kind: 'township',
        contact: { phone: phone(random), email: `${town.pinyin}@${domain}` },
        stem: townName,
        topic: townName,
        prefix: `${county.initials}${town.initials}`,
        accounts: [6, 9],
      };
      const villages = random.int(0, 3);
      for (let v = 0; v < villages; v++) {
        const village = freshPlace(random, taken, cid);
        const community = random.chance(0.2);
        const short = `${village.han}${community ? '社区' : '村'}`;
        yield {
          ...base,
          id: taken.id(`${cid}-${village.pinyin}${community ? 'sq' : 'cun'}`),
          name: `${c}县${townName}${short}${community ? '居民委员会' : '民委员会'}`,
          shortName: short,
          aliases: [],
          kind: 'village',
          parent: townId,
          contact: random.chance(0.6) ? { phone: phone(random) } : {},
          stem: short,
          topic: short,
          prefix: `${county.initials}${village.initials}`,
          accounts: [3, 5],
        };
      }
    }
  }
}
