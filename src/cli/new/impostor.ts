/**
 * `npm run new -- impostor`: records a suspected impostor account (from an inspection or a
 * public report, e.g. the GitHub issue form) in `impostors/<id>.yaml`.
 */
import { normalizeHandle } from '../../shared/normalize.ts';
import { SLUG_RE } from '../../lib/schema/common.ts';
import { ImpostorSchema } from '../../lib/schema/impostor.ts';
import { problem } from '../../lib/problems.ts';
import { dateError, fieldError, personalDataError, urlError } from './checks.ts';
import { commentedDocument, exists, text, type Command, type CommandEnv } from './common.ts';
import type { Answers, Question } from './form.ts';

const FIELDS = ImpostorSchema.shape;

function either(...errors: (string | undefined)[]): string | undefined {
  return errors.find((e) => e !== undefined);
}

/** A file name for the record: `<platform>-<handle>` when the handle allows, else `<imitated unit>-<platform>-<found>`. */
function suggestId(env: CommandEnv, a: Answers): string | undefined {
  const platform = text(a, 'platform');
  if (!platform) return undefined;
  const handle = text(a, 'handle');
  const fromHandle = handle
    ? normalizeHandle(handle)
        .replace(/[_.]+/g, '-')
        .replace(/[^a-z0-9-]/g, '')
        .replace(/-+/g, '-')
        .replace(/^-|-$/g, '')
    : '';
  const base = fromHandle
    ? `${platform}-${fromHandle}`
    : `${(text(a, 'imitates') ?? 'fake').split('/')[0]}-${platform}-${text(a, 'found') ?? env.asOf}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!exists(env, `impostors/${id}.yaml`)) return id;
  }
}

export const impostorCommand: Command = {
  name: 'impostor',
  title: '登记仿冒账号',
  questions(env) {
    const { registry, index } = env;
    const platformOf = (a: Answers) => registry.platformById.get(text(a, 'platform') ?? '');
    const date =
      (
        key: 'found' | 'reported' | 'removed',
        title: string,
        after?: (a: Answers) => { date: string; what: string } | undefined,
      ): Question['check'] =>
      (v, a) =>
        v === null ? undefined : dateError(key, title, String(v), env.asOf, after?.(a));
    return [
      {
        key: 'platform',
        flag: 'platform',
        type: 'select',
        message: '仿冒账号所在平台',
        help: `平台编号：${registry.platforms.map((p) => p.id).join('、')}`,
        choices: () => registry.platforms.map((p) => ({ value: p.id, label: p.name, hint: p.id })),
      },
      {
        key: 'name',
        flag: 'name',
        type: 'text',
        message: '仿冒账号显示的名称',
        check: (v) => either(fieldError(FIELDS, 'name', v), personalDataError(String(v))),
      },
      {
        key: 'handle',
        flag: 'handle',
        type: 'text',
        optional: true,
        message: (a) => `仿冒账号的${platformOf(a)?.handle_label ?? '账号 ID'}（不知道可留空）`,
        help: '仿冒账号的账号 ID；不知道写 null',
        check: (v, a) => {
          if (v === null) return undefined;
          const p = platformOf(a);
          const handle = String(v);
          return either(
            fieldError(FIELDS, 'handle', handle),
            p ? index.duplicateError(p.handle_label, handle, index.handleOwner(p.id, handle), true) : undefined,
          );
        },
      },
      {
        key: 'url',
        flag: 'url',
        type: 'text',
        optional: true,
        message: '仿冒账号的链接（不知道可留空）',
        help: '仿冒账号的链接；不知道写 null',
        check: (v, a) => {
          if (v === null) return a.handle ? undefined : problem('schema.impostor-no-link', { file: '', line: 1, column: 1 }).message;
          const p = platformOf(a);
          const url = String(v);
          return either(
            fieldError(FIELDS, 'url', url),
            p ? urlError(p, url, true) : undefined,
            index.duplicateError('链接', url, index.urlOwner(url), true),
          );
        },
      },
      {
        key: 'imitates',
        flag: 'imitates',
        type: 'autocomplete',
        message: '被仿冒的官方账号或单位（输入名称筛选）',
        help: '被仿冒的官方账号编号（单位编号/账号文件名）或单位编号',
        choices: (a) => {
          const platform = text(a, 'platform');
          const accounts = [...registry.accounts].sort((x, y) => Number(y.platform === platform) - Number(x.platform === platform));
          return [
            ...accounts.map((x) => ({
              value: x.id,
              label: `${x.name}（${registry.platformById.get(x.platform)?.name ?? x.platform}）`,
              hint: x.id,
            })),
            ...registry.units.map((u) => ({ value: u.id, label: `${u.name}（单位）`, hint: u.id })),
          ];
        },
      },
      {
        key: 'found',
        flag: 'found',
        type: 'text',
        message: '发现日期（YYYY-MM-DD）',
        help: '发现日期 YYYY-MM-DD（默认今天）',
        initial: () => env.asOf,
        prefill: false,
        placeholder: () => `例如 ${env.asOf}`,
        check: date('found', '发现日期'),
      },
      {
        key: 'reported',
        flag: 'reported',
        type: 'text',
        optional: true,
        message: '向平台举报的日期（尚未举报留空）',
        check: date('reported', '举报日期', (a) => (text(a, 'found') ? { date: text(a, 'found')!, what: '发现日期' } : undefined)),
      },
      {
        key: 'removed',
        flag: 'removed',
        type: 'text',
        optional: true,
        message: '平台关闭该账号的日期（仍在线留空）',
        check: date('removed', '处置日期', (a) => {
          const after = text(a, 'reported') ?? text(a, 'found');
          return after ? { date: after, what: text(a, 'reported') ? '举报日期' : '发现日期' } : undefined;
        }),
      },
      {
        key: 'source',
        flag: 'source',
        type: 'select',
        message: '发现途径',
        help: 'public-report（群众举报，默认）或 inspection（巡查发现）',
        initial: () => 'public-report',
        choices: () => [
          { value: 'public-report', label: '群众举报', hint: 'public-report' },
          { value: 'inspection', label: '巡查发现', hint: 'inspection' },
        ],
      },
      {
        key: 'note',
        flag: 'note',
        type: 'text',
        optional: true,
        message: '备注（例如仿冒手法、举报编号；不要写举报人的个人信息）',
        check: (v) => (v === null ? undefined : either(fieldError(FIELDS, 'note', v), personalDataError(String(v)))),
      },
      {
        key: 'id',
        flag: 'id',
        type: 'text',
        message: '记录文件名（保存为 data/impostors/<文件名>.yaml）',
        help: '记录文件名（默认由平台和账号 ID 生成）',
        initial: (a) => suggestId(env, a),
        check: (v) => {
          const id = String(v);
          if (!SLUG_RE.test(id)) return `文件名「${id}」只能用小写英文字母和数字，单词之间用减号（-）连接。`;
          if (exists(env, `impostors/${id}.yaml`)) return `data/impostors/${id}.yaml 已存在：不会覆盖已有文件，请换一个文件名。`;
          return undefined;
        },
      },
    ];
  },
  build(a, env) {
    const platform = env.registry.platformById.get(String(a.platform))!;
    const data: Record<string, unknown> = {
      platform: platform.id,
      name: a.name,
      handle: a.handle ?? null,
      url: a.url ?? null,
      imitates: a.imitates,
      found: a.found,
      reported: a.reported ?? null,
      removed: a.removed ?? null,
      source: a.source,
      ...(typeof a.note === 'string' ? { note: a.note } : {}),
    };
    const target =
      env.registry.accountById.get(String(a.imitates))?.name ?? env.registry.unitById.get(String(a.imitates))?.name ?? String(a.imitates);
    const warnings = a.reported ? [] : ['尚未向平台举报：举报后把 reported 改为举报日期。'];
    return {
      rel: `impostors/${String(a.id)}.yaml`,
      kind: 'impostor',
      doc: commentedDocument(data, 'impostor', [
        `${platform.name}仿冒账号“${String(a.name)}”，仿冒 ${target}；由 npm run new -- impostor 登记。`,
      ]),
      summary: `新增仿冒账号：${platform.name}“${String(a.name)}”，仿冒 ${target}（${String(a.imitates)}）`,
      warnings,
    };
  },
};
