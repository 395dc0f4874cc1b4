/** `npm run new -- unit`: adds a unit (主办单位) folder with its unit.yaml. */
import { normalizeName } from '../../shared/normalize.ts';
import { SLUG_RE } from '../../lib/schema/common.ts';
import { UNIT_KINDS, UnitSchema } from '../../lib/schema/unit.ts';
import { fieldError, personalDataError } from './checks.ts';
import { commentedDocument, exists, list, shapeAt, text, unitChoices, type Command } from './common.ts';
import type { Question } from './form.ts';

const FIELDS = UnitSchema.shape;
const CONTACT = shapeAt(UnitSchema, ['contact']);

function either(...errors: (string | undefined)[]): string | undefined {
  return errors.find((e) => e !== undefined);
}

export const unitCommand: Command = {
  name: 'unit',
  title: '添加单位',
  questions(env) {
    const { registry } = env;
    const contactText =
      (key: string): Question['check'] =>
      (v) =>
        v === null ? undefined : either(fieldError(CONTACT, key, v), personalDataError(String(v)));
    return [
      {
        key: 'id',
        flag: 'id',
        type: 'text',
        message: '单位编号（文件夹名：小写拼音，单词之间用减号，例如 jiaoyuju、suonan-zhen）',
        help: '单位编号，例如 jiaoyuju',
        check: (v) => {
          const id = String(v);
          if (!SLUG_RE.test(id)) return `单位编号「${id}」只能用小写英文字母和数字，单词之间用减号（-）连接，例如 jiaoyuju、suonan-zhen。`;
          if (exists(env, `units/${id}`)) return `data/units/${id}/ 已存在：不会覆盖已有单位。`;
          return undefined;
        },
      },
      {
        key: 'name',
        flag: 'name',
        type: 'text',
        message: '单位全称',
        placeholder: () => '例如：东乡族自治县教育局',
        check: (v) => {
          const same = registry.units.find((u) => [u.name, ...u.aliases].some((n) => normalizeName(n) === normalizeName(String(v))));
          return either(
            fieldError(FIELDS, 'name', v),
            same ? `已有单位 ${same.id}（${same.name}）使用这个名称。` : undefined,
            personalDataError(String(v)),
          );
        },
      },
      {
        key: 'shortName',
        flag: 'short-name',
        type: 'text',
        optional: true,
        message: '单位简称（列表中显示，例如：县教育局）',
        check: (v) => (v === null ? undefined : fieldError(FIELDS, 'short_name', v)),
      },
      {
        key: 'aliases',
        flag: 'alias',
        type: 'text',
        multiple: true,
        optional: true,
        message: '其他正式名称（平台认证主体可能显示的挂牌名称、旧称），多个用逗号分隔',
        help: '其他正式名称；多个用逗号分隔',
        check: (v) => fieldError(FIELDS, 'aliases', v),
      },
      {
        key: 'kind',
        flag: 'kind',
        type: 'select',
        message: '单位类型',
        help: `单位类型：${Object.keys(UNIT_KINDS).join('、')}`,
        choices: () => Object.entries(UNIT_KINDS).map(([value, label]) => ({ value, label, hint: value })),
      },
      {
        key: 'parent',
        flag: 'parent',
        type: 'autocomplete',
        optional: true,
        message: (a) => (a.kind === 'village' ? '所属乡镇（上级单位）' : '上级单位（没有选“无”）'),
        help: '上级单位编号（例如村委会所属乡镇）；没有写 null',
        initial: (a) => (a.kind === 'village' ? undefined : 'null'),
        choices: () => [{ value: 'null', label: '无', hint: 'null' }, ...unitChoices(env)],
      },
      {
        key: 'phone',
        flag: 'phone',
        type: 'text',
        optional: true,
        message: '办公电话（带区号的座机，例如 0930-7121234；不得填写个人手机号）',
        check: contactText('phone'),
      },
      { key: 'email', flag: 'email', type: 'text', optional: true, message: '办公邮箱', check: contactText('email') },
      { key: 'address', flag: 'address', type: 'text', optional: true, message: '办公地址', check: contactText('address') },
      { key: 'website', flag: 'website', type: 'text', optional: true, message: '单位网站（https://…）', check: contactText('website') },
      {
        key: 'maintainers',
        flag: 'maintainer',
        type: 'text',
        multiple: true,
        optional: true,
        message: '维护人：可以修改本单位文件夹的 GitHub 用户或团队（例如 @dongxiang/jiaoyuju），多个用逗号分隔；不填则由主管单位维护',
        help: '维护人：GitHub 用户或团队，例如 @dongxiang/jiaoyuju',
        check: (v) => fieldError(FIELDS, 'maintainers', v),
      },
    ];
  },
  build(a) {
    const id = String(a.id);
    const contact: Record<string, string> = {};
    for (const key of ['phone', 'email', 'address', 'website']) {
      const value = text(a, key);
      if (value) contact[key] = value;
    }
    const data: Record<string, unknown> = {
      id,
      name: a.name,
      ...(text(a, 'shortName') ? { short_name: text(a, 'shortName') } : {}),
      aliases: list(a, 'aliases'),
      kind: a.kind,
      parent: a.parent ?? null,
      contact,
      maintainers: list(a, 'maintainers'),
    };
    const warnings: string[] = [];
    if (list(a, 'maintainers').length === 0) warnings.push('没有填写维护人：本单位的文件夹由主管单位维护（CODEOWNERS）。');
    return {
      rel: `units/${id}/unit.yaml`,
      kind: 'unit',
      doc: commentedDocument(data, 'unit', [`${String(a.name)}，由 npm run new -- unit 生成。账号文件放在同一文件夹的 accounts/ 中。`]),
      summary: `新增单位：${String(a.name)}（${id}）`,
      warnings,
    };
  },
};
