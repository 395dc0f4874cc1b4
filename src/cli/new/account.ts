/** `npm run new -- account`: files a newly opened account (a new account file). */
import { AccountSchema, WaiverSchema } from '../../lib/schema/account.ts';
import { SLUG_RE } from '../../lib/schema/common.ts';
import { looksLikeUrl } from '../../shared/normalize.ts';
import { dateError, fieldError, handlePatternError, personalDataError, urlError, verifiedAsError } from './checks.ts';
import { commentedDocument, exists, filedQuestion, list, text, unitChoices, type Command, type CommandEnv } from './common.ts';
import type { Answers, Question, Value } from './form.ts';

const FIELDS = AccountSchema.shape;
const WAIVER = WaiverSchema.shape;

function accountsOn(env: CommandEnv, a: Answers) {
  const unit = text(a, 'unit');
  const platform = text(a, 'platform');
  return (env.registry.accountsByUnit.get(unit ?? '') ?? []).filter((x) => x.platform === platform && x.status !== 'deregistered');
}

function needsWaiver(env: CommandEnv, a: Answers): boolean {
  return accountsOn(env, a).length > 0;
}

/** The first free file name for an account of a unit on a platform: `weibo`, `weibo-2`… */
function freeSlug(env: CommandEnv, a: Answers): string | undefined {
  const unit = text(a, 'unit');
  const platform = text(a, 'platform');
  if (!unit || !platform) return undefined;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? platform : `${platform}-${n}`;
    if (!exists(env, `units/${unit}/accounts/${slug}.yaml`)) return slug;
  }
}

function combine(...errors: (string | undefined)[]): string | undefined {
  return errors.find((e) => e !== undefined);
}

export const accountCommand: Command = {
  name: 'account',
  title: '备案新开设的账号',
  questions(env) {
    const { registry, index } = env;
    const platformOf = (a: Answers) => registry.platformById.get(text(a, 'platform') ?? '');
    const unitOf = (a: Answers) => registry.unitById.get(text(a, 'unit') ?? '');
    const q: Question[] = [
      {
        key: 'unit',
        flag: 'unit',
        type: 'autocomplete',
        message: '开设账号的单位（输入名称筛选）',
        help: '单位编号，例如 jiaoyuju',
        choices: () => unitChoices(env),
      },
      {
        key: 'platform',
        flag: 'platform',
        type: 'select',
        message: '平台',
        help: `平台编号：${registry.platforms.map((p) => p.id).join('、')}`,
        choices: () => registry.platforms.map((p) => ({ value: p.id, label: p.name, hint: p.id })),
      },
      {
        key: 'waiverReason',
        flag: 'waiver-reason',
        type: 'text',
        when: (a) => needsWaiver(env, a),
        message: (a) => {
          const others = accountsOn(env, a)
            .map((x) => `${x.id}（${x.name}）`)
            .join('、');
          return `本单位在${platformOf(a)?.name ?? '该平台'}上已有账号 ${others}：一个单位在同一平台原则上只开设一个账号。开设第二个账号的理由（须经批准）`;
        },
        help: '同一平台第二个账号：开设理由（须经批准）',
        check: (v) => fieldError(WAIVER, 'reason', v),
      },
      {
        key: 'waiverBy',
        flag: 'waiver-by',
        type: 'text',
        when: (a) => needsWaiver(env, a),
        message: '批准单位',
        help: '同一平台第二个账号：批准单位',
        initial: () => registry.site.office.name,
        check: (v) => fieldError(WAIVER, 'approved_by', v),
      },
      {
        key: 'waiverOn',
        flag: 'waiver-on',
        type: 'text',
        when: (a) => needsWaiver(env, a),
        message: '批准日期（YYYY-MM-DD）',
        help: '同一平台第二个账号：批准日期',
        placeholder: () => `例如 ${env.asOf}`,
        check: (v) => dateError('approved_on', '批准日期', String(v), env.asOf),
      },
      {
        key: 'slug',
        flag: 'slug',
        type: 'text',
        message: (a) => `账号文件名（保存为 data/units/${text(a, 'unit') ?? '<单位编号>'}/accounts/<文件名>.yaml）`,
        help: '账号文件名（默认为平台编号，例如 weibo；已有同名文件时为 weibo-2）',
        initial: (a) => freeSlug(env, a),
        check: (v, a) => {
          const slug = String(v);
          if (!SLUG_RE.test(slug)) return `文件名「${slug}」只能用小写英文字母和数字，单词之间用减号（-）连接，例如 weibo、wechat-fuwu。`;
          const rel = `units/${text(a, 'unit')}/accounts/${slug}.yaml`;
          if (exists(env, rel)) return `data/${rel} 已存在：不会覆盖已有文件。账号的变更请用 npm run new -- event；新账号请换一个文件名。`;
          return undefined;
        },
      },
      {
        key: 'name',
        flag: 'name',
        type: 'text',
        message: '账号名称（平台上显示的名称）',
        placeholder: () => '例如：东乡教育',
        check: (v) => combine(fieldError(FIELDS, 'name', v), personalDataError(String(v))),
      },
      {
        key: 'handle',
        flag: 'handle',
        type: 'text',
        message: (a) => {
          const p = platformOf(a);
          return p ? `${p.handle_label}（${p.handle_hint}）` : '账号 ID';
        },
        help: '平台上的公开账号 ID（微信号、抖音号、微博 UID、AppID 等）',
        placeholder: (a) => platformOf(a)?.handle_example,
        check: (v, a) => {
          const handle = String(v);
          const p = platformOf(a);
          return combine(
            fieldError(FIELDS, 'handle', handle),
            p ? handlePatternError(p, handle) : undefined,
            p ? index.duplicateError(p.handle_label, handle, index.handleOwner(p.id, handle)) : undefined,
            personalDataError(handle),
          );
        },
      },
      {
        key: 'url',
        flag: 'url',
        type: 'text',
        when: (a) => (platformOf(a)?.hosts.length ?? 1) > 0,
        optional: true,
        message: (a) => {
          const p = platformOf(a);
          return `账号主页链接（https:// 开头${p?.url_example ? `，例如 ${p.url_example}` : ''}）${p && !p.url_required ? '，没有可留空' : ''}`;
        },
        help: '账号的公开网页地址（https://）；平台没有公开网页时写 null',
        check: (v, a) => {
          const p = platformOf(a);
          if (v === null)
            return p?.url_required ? `${p.name}账号须填写公开链接${p.url_example ? `，例如 ${p.url_example}` : ''}。` : undefined;
          const url = String(v);
          return combine(
            fieldError(FIELDS, 'url', url),
            p ? urlError(p, url) : undefined,
            index.duplicateError('账号链接', url, index.urlOwner(url)),
            personalDataError(url),
          );
        },
      },
      {
        key: 'identifiers',
        flag: 'identifier',
        type: 'text',
        multiple: true,
        optional: true,
        message: (a) =>
          text(a, 'platform') === 'wechat'
            ? '其他标识：原始 ID（gh_ 开头）、二维码链接等，多个用逗号分隔'
            : '其他标识（公众可能见到的其他 ID 或链接），多个用逗号分隔',
        help: '其他标识，例如原始 ID（gh_ 开头）、二维码链接；多个用逗号分隔',
        check: (v, a) => {
          const ids = v as string[];
          const p = platformOf(a);
          const shapeError = fieldError(FIELDS, 'identifiers', ids);
          if (shapeError) return shapeError;
          for (const id of ids) {
            const error = looksLikeUrl(id)
              ? combine(p ? urlError(p, id, true) : undefined, index.duplicateError('链接', id, index.urlOwner(id)))
              : p
                ? index.duplicateError('标识', id, index.handleOwner(p.id, id))
                : undefined;
            if (error ?? personalDataError(id)) return error ?? personalDataError(id);
          }
          if (new Set(ids).size !== ids.length) return '有重复的标识。';
          return undefined;
        },
      },
      {
        key: 'verifiedAs',
        flag: 'verified-as',
        type: 'text',
        optional: true,
        message: '认证主体（平台上显示的认证单位；未认证留空）',
        help: '平台上显示的认证主体；未认证写 null',
        initial: (a) => unitOf(a)?.name,
        check: (v) =>
          v === null ? undefined : combine(fieldError(FIELDS, 'verified_as', v), verifiedAsError(String(v)), personalDataError(String(v))),
      },
      {
        key: 'purpose',
        flag: 'purpose',
        type: 'text',
        message: '功能定位（这个账号发布什么、提供什么服务）',
        placeholder: () => '例如：发布教育政策、招生考试信息',
        check: (v) => combine(fieldError(FIELDS, 'purpose', v), personalDataError(String(v))),
      },
      {
        key: 'operation',
        flag: 'operation',
        type: 'select',
        message: '运维方式',
        help: 'self（自行运维，默认）或 outsourced（委托第三方运维）',
        initial: () => 'self',
        choices: () => [
          { value: 'self', label: '自行运维', hint: 'self' },
          { value: 'outsourced', label: '委托第三方运维', hint: 'outsourced' },
        ],
      },
      {
        key: 'operator',
        flag: 'operator',
        type: 'text',
        when: (a) => a.operation === 'outsourced',
        message: '运维单位（受委托的公司名称）',
        check: (v) => combine(fieldError(FIELDS, 'operator', v), personalDataError(String(v))),
      },
      {
        key: 'date',
        flag: 'date',
        type: 'text',
        message: '开设日期（YYYY-MM-DD）',
        placeholder: () => `例如 ${env.asOf}`,
        check: (v) => dateError('date', '开设日期', String(v), env.asOf),
      },
      filedQuestion(env, '开设日期'),
      {
        key: 'note',
        flag: 'note',
        type: 'text',
        optional: true,
        message: '备注',
        check: (v) => (v === null ? undefined : combine(fieldError(FIELDS, 'note', v), personalDataError(String(v)))),
      },
    ];
    return q;
  },
  build(a, env) {
    const unit = env.registry.unitById.get(text(a, 'unit')!)!;
    const platform = env.registry.platformById.get(text(a, 'platform')!)!;
    const orNull = (v: Value | undefined) => (v === undefined ? null : v);
    const opened: Record<string, unknown> = { type: 'opened', date: a.date, filed: a.filed };
    const data: Record<string, unknown> = {
      name: a.name,
      platform: platform.id,
      handle: a.handle,
      identifiers: list(a, 'identifiers'),
      url: orNull(a.url),
      verified_as: orNull(a.verifiedAs),
      purpose: a.purpose,
      operation: a.operation,
      ...(a.operation === 'outsourced' ? { operator: a.operator } : {}),
      events: [opened],
      waiver: needsWaiver(env, a) ? { reason: a.waiverReason, approved_by: a.waiverBy, approved_on: a.waiverOn } : null,
      ...(typeof a.note === 'string' ? { note: a.note } : {}),
    };
    const header = [
      `${unit.name} · ${platform.name}账号“${String(a.name)}”，由 npm run new -- account 生成。`,
      '以后变更、关停、恢复、注销：运行 npm run new -- event，或在 events 末尾按日期追加一行。',
    ];
    return {
      rel: `units/${unit.id}/accounts/${String(a.slug)}.yaml`,
      kind: 'account',
      doc: commentedDocument(data, 'account', header),
      summary: `开设：${unit.name} 的${platform.name}账号“${String(a.name)}”（${unit.id}/${String(a.slug)}），${String(a.date)} 开设，${String(a.filed)} 备案`,
      warnings: [],
    };
  },
};
