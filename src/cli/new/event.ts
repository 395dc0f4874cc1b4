/**
 * `npm run new -- event`: files a change (变更), suspension (关停), resumption (恢复) or
 * deregistration (注销) of an existing account by appending a lifecycle event to its file. The
 * file's comments are kept; a change also updates the account's current name, handle,
 * verification subject, link or purpose, and records the previous values in the event.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import type * as z from 'zod';
import { PARSE_OPTIONS, normalizeNewlines } from '../../lib/format/canonical.ts';
import { STATUS_NAMES, type Account } from '../../lib/model.ts';
import { AccountSchema, EVENT_TYPES, EventSchema, type EventType } from '../../lib/schema/account.ts';
import { dateError, fieldError, handlePatternError, personalDataError, urlError, verifiedAsError } from './checks.ts';
import { filedQuestion, rootMap, text, type Command } from './common.ts';
import type { Answers, Question } from './form.ts';

const FIELDS = AccountSchema.shape;
/** Fields of a suspension event (notice_url, successor, note). */
const SUSPENDED: Record<string, z.ZodType> = EventSchema.options.find((o) => o.shape.type.value === 'suspended')!.shape;

/** Event types that may follow an account's current status. */
export function allowedEvents(account: Account): EventType[] {
  switch (account.status) {
    case 'active':
      return ['changed', 'suspended', 'deregistered'];
    case 'suspended':
      return ['resumed', 'deregistered'];
    default:
      return [];
  }
}

const EVENT_HINTS: Record<EventType, string> = {
  opened: '',
  changed: '名称、账号 ID、认证主体、链接或功能定位改变',
  suspended: '停止更新，账号仍在平台上',
  resumed: '关停的账号恢复更新',
  deregistered: '账号已在平台上注销',
};

function either(...errors: (string | undefined)[]): string | undefined {
  return errors.find((e) => e !== undefined);
}

const CHANGE_KEYS = ['newName', 'newHandle', 'newVerifiedAs', 'newUrl', 'newPurpose'] as const;

export const eventCommand: Command = {
  name: 'event',
  title: '备案账号的变更、关停、恢复或注销',
  questions(env) {
    const { registry, index } = env;
    const accountOf = (a: Answers) => registry.accountById.get(text(a, 'account') ?? '');
    const typeIs =
      (...types: EventType[]) =>
      (a: Answers) =>
        types.includes(a.type as EventType);
    const platformOf = (a: Answers) => registry.platformById.get(accountOf(a)?.platform ?? '');
    const lastDate = (a: Answers) => {
      const account = accountOf(a);
      return account ? account.events[account.events.length - 1]!.date : undefined;
    };
    const optionalText = (key: keyof typeof FIELDS) => (v: unknown) =>
      v === null ? undefined : either(fieldError(FIELDS, key, v), personalDataError(String(v)));
    const q: Question[] = [
      {
        key: 'account',
        flag: 'account',
        type: 'autocomplete',
        message: '哪个账号（输入名称或单位编号筛选）',
        help: '账号编号：单位编号/账号文件名，例如 jiaoyuju/weibo',
        choices: () =>
          registry.accounts.map((x) => ({
            value: x.id,
            label: `${x.name}（${registry.platformById.get(x.platform)?.name ?? x.platform}）`,
            hint: `${x.id} · ${STATUS_NAMES[x.status]}`,
          })),
        check: (v) => {
          const account = registry.accountById.get(String(v));
          if (account && allowedEvents(account).length === 0)
            return `账号 ${account.id} 已注销，不能再追加事项；重新开设的账号请用 npm run new -- account 新建。`;
          return undefined;
        },
      },
      {
        key: 'type',
        flag: 'type',
        type: 'select',
        message: (a) => `备案事项（账号现为${STATUS_NAMES[accountOf(a)?.status ?? 'active']}）`,
        help: 'changed（变更）、suspended（关停）、resumed（恢复）或 deregistered（注销）',
        choices: (a) => {
          const account = accountOf(a);
          const types = account ? allowedEvents(account) : (['changed', 'suspended', 'resumed', 'deregistered'] as EventType[]);
          return types.map((t) => ({ value: t, label: EVENT_TYPES[t], hint: `${t}：${EVENT_HINTS[t]}` }));
        },
      },
      {
        key: 'date',
        flag: 'date',
        type: 'text',
        message: (a) => `${EVENT_TYPES[(a.type as EventType) ?? 'changed']}日期（YYYY-MM-DD）`,
        help: '事项发生日期',
        placeholder: () => `例如 ${env.asOf}`,
        check: (v, a) =>
          dateError('date', '发生日期', String(v), env.asOf, lastDate(a) ? { date: lastDate(a)!, what: '上一项备案事项' } : undefined),
      },
      filedQuestion(env, '发生日期'),
      // ── changed ──
      {
        key: 'newName',
        flag: 'name',
        type: 'text',
        optional: true,
        when: typeIs('changed'),
        message: (a) => `新的账号名称（现为「${accountOf(a)?.name ?? ''}」，不变请留空）`,
        help: '变更：新的账号名称',
        check: (v, a) =>
          v === null ? undefined : either(v === accountOf(a)?.name ? '与现在的名称相同。' : undefined, optionalText('name')(v)),
      },
      {
        key: 'newHandle',
        flag: 'handle',
        type: 'text',
        optional: true,
        when: typeIs('changed'),
        message: (a) => `新的${platformOf(a)?.handle_label ?? '账号 ID'}（现为 ${accountOf(a)?.handle ?? ''}，不变请留空）`,
        help: '变更：新的账号 ID',
        check: (v, a) => {
          if (v === null) return undefined;
          const p = platformOf(a);
          const handle = String(v);
          return either(
            handle === accountOf(a)?.handle ? '与现在的账号 ID 相同。' : undefined,
            fieldError(FIELDS, 'handle', handle),
            p ? handlePatternError(p, handle) : undefined,
            p ? index.duplicateError(p.handle_label, handle, index.handleOwner(p.id, handle, accountOf(a)?.id)) : undefined,
            personalDataError(handle),
          );
        },
      },
      {
        key: 'newVerifiedAs',
        flag: 'verified-as',
        type: 'text',
        optional: true,
        when: typeIs('changed'),
        message: (a) => `新的认证主体（现为「${accountOf(a)?.verified_as ?? '未认证'}」，不变请留空）`,
        help: '变更：新的认证主体',
        check: (v, a) =>
          v === null
            ? undefined
            : either(
                v === accountOf(a)?.verified_as ? '与现在的认证主体相同。' : undefined,
                verifiedAsError(String(v)),
                optionalText('verified_as')(v),
              ),
      },
      {
        key: 'newUrl',
        flag: 'url',
        type: 'text',
        optional: true,
        when: (a) => typeIs('changed')(a) && (platformOf(a)?.hosts.length ?? 1) > 0,
        message: (a) => `新的账号链接（现为 ${accountOf(a)?.url ?? '无'}，不变请留空）`,
        help: '变更：新的账号链接',
        check: (v, a) => {
          if (v === null) return undefined;
          const p = platformOf(a);
          const url = String(v);
          return either(
            url === accountOf(a)?.url ? '与现在的链接相同。' : undefined,
            fieldError(FIELDS, 'url', url),
            p ? urlError(p, url) : undefined,
            index.duplicateError('账号链接', url, index.urlOwner(url, accountOf(a)?.id)),
          );
        },
      },
      {
        key: 'newPurpose',
        flag: 'purpose',
        type: 'text',
        optional: true,
        when: typeIs('changed'),
        message: '新的功能定位（不变请留空）',
        help: '变更：新的功能定位',
        check: optionalText('purpose'),
      },
      // ── suspended / deregistered ──
      {
        key: 'noticeUrl',
        flag: 'notice-url',
        type: 'text',
        optional: true,
        when: typeIs('suspended', 'deregistered'),
        note: () => '关停或注销前，应在账号上发布停更公告，告知公众该账号不再更新；没有公告会被记为“关停缺少公告”警告。',
        message: '停更公告的网址（https://…）',
        help: '关停、注销：停更公告的网址',
        check: (v) => (v === null ? undefined : either(fieldError(SUSPENDED, 'notice_url', v), personalDataError(String(v)))),
      },
      {
        key: 'successor',
        flag: 'successor',
        type: 'autocomplete',
        optional: true,
        when: typeIs('suspended', 'deregistered'),
        message: '接替账号（信息改由哪个账号发布；没有选“无”）',
        help: '关停、注销：接替账号的编号，例如 jiaoyuju/wechat',
        choices: (a) => {
          const self = accountOf(a);
          const sameUnit = (x: Account) => (x.unit === self?.unit ? 0 : 1);
          const candidates = registry.accounts
            .filter((x) => x.id !== self?.id && x.status === 'active')
            .sort((x, y) => sameUnit(x) - sameUnit(y));
          return [
            { value: 'null', label: '无', hint: '没有接替账号' },
            ...candidates.map((x) => ({
              value: x.id,
              label: `${x.name}（${registry.platformById.get(x.platform)?.name ?? x.platform}）`,
              hint: x.id,
            })),
          ];
        },
      },
      {
        key: 'note',
        flag: 'note',
        type: 'text',
        optional: true,
        message: (a) => (a.type === 'changed' ? '变更说明（备注）' : '备注（原因等）'),
        help: '备注',
        check: (v) => (v === null ? undefined : either(fieldError(SUSPENDED, 'note', v), personalDataError(String(v)))),
      },
    ];
    return q;
  },
  build(a, env) {
    const account = env.registry.accountById.get(String(a.account))!;
    const type = a.type as EventType;
    const event: Record<string, unknown> = { type, date: a.date, filed: a.filed };
    const changes: string[] = [];
    const source = readFileSync(path.join(env.dataDir, 'units', account.unit, 'accounts', `${account.slug}.yaml`), 'utf8');
    const doc = parseDocument(normalizeNewlines(source), PARSE_OPTIONS);
    const map = rootMap(doc);
    if (type === 'changed') {
      if (!CHANGE_KEYS.some((k) => typeof a[k] === 'string'))
        return { error: '变更事项至少要改一项：新的名称、账号 ID、认证主体、链接或功能定位。' };
      if (typeof a.newName === 'string') {
        event.previous_name = account.name;
        map.set('name', a.newName);
        changes.push(`名称「${account.name}」→「${a.newName}」`);
      }
      if (typeof a.newHandle === 'string') {
        event.previous_handle = account.handle;
        map.set('handle', a.newHandle);
        changes.push(`账号 ID ${account.handle} → ${a.newHandle}`);
      }
      if (typeof a.newVerifiedAs === 'string') {
        event.previous_verified_as = account.verified_as;
        map.set('verified_as', a.newVerifiedAs);
        changes.push(`认证主体「${account.verified_as ?? '未认证'}」→「${a.newVerifiedAs}」`);
      }
      if (typeof a.newUrl === 'string') {
        map.set('url', a.newUrl);
        changes.push('链接');
      }
      if (typeof a.newPurpose === 'string') {
        map.set('purpose', a.newPurpose);
        changes.push('功能定位');
      }
    }
    if (type === 'suspended' || type === 'deregistered') {
      event.notice_url = a.noticeUrl ?? null;
      if (typeof a.successor === 'string') event.successor = a.successor;
    }
    if (typeof a.note === 'string') event.note = a.note;
    const events = map.get('events', true);
    if (!isSeq(events)) return { error: `${account.origin.file} 中的 events 不是列表：请先运行 npm run validate 修正。` };
    events.items.push(doc.createNode(event));

    const what = changes.length ? `：${changes.join('，')}` : '';
    return {
      rel: `units/${account.unit}/accounts/${account.slug}.yaml`,
      kind: 'account',
      doc,
      source: normalizeNewlines(source),
      summary: `${EVENT_TYPES[type]}：${account.name}（${account.id}）${what}，${String(a.date)} 发生，${String(a.filed)} 备案`,
      warnings: [],
    };
  },
};
