/** `data/units/<unit-id>/unit.yaml`: a unit (主办单位) that runs accounts. */
import * as z from 'zod';
import { slug, text, token, webUrl } from './common.ts';

/** Kinds of unit, in display order, with their Chinese names. */
export const UNIT_KINDS = {
  township: '乡镇',
  'county-department': '县直部门',
  institution: '事业单位',
  village: '村（社区）',
  other: '其他',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

/** A GitHub user (`@name`) or team (`@org/team`). */
const maintainer = () =>
  z
    .string()
    .max(100)
    .regex(/^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/);

/** Schema of `unit.yaml`. */
export const UnitSchema = z
  .strictObject({
    /** Unit id; must equal the folder name. */
    id: slug().meta({ title: '单位编号', description: '单位编号，须与文件夹名一致：小写字母、数字，用减号连接，例如 jiaoyuju' }),
    /** Full official name. */
    name: text({ max: 100 }).meta({ title: '单位全称', description: '单位的规范全称，例如：东乡族自治县教育局' }),
    /** Short name used in lists. */
    short_name: text({ max: 50 }).optional().meta({ title: '单位简称', description: '列表中显示的简称，例如：县教育局' }),
    /** Other official names a platform may show as the verification subject (认证主体). */
    aliases: z
      .array(text({ max: 100 }))
      .default([])
      .meta({ title: '其他名称', description: '平台认证主体可能显示的其他正式名称（例如挂牌名称、旧称）' }),
    /** What kind of unit this is. */
    kind: z.enum(Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]]).meta({
      title: '单位类型',
      description: 'township 乡镇 · county-department 县直部门 · institution 事业单位 · village 村（社区） · other 其他',
    }),
    /** Parent unit id (a village committee's township), or null. */
    parent: slug().nullable().default(null).meta({ title: '上级单位', description: '上级单位编号（例如村委会所属乡镇），没有写 null' }),
    /** Public office contacts only — never a person's mobile number. */
    contact: z
      .strictObject({
        /** Office landline with area code. */
        phone: token(40)
          .optional()
          .meta({ title: '办公电话', description: '办公座机，带区号，例如 0930-7121234（须加引号或带减号）；不得填写个人手机号' }),
        /** Office e-mail. */
        email: token(100).optional().meta({ title: '办公邮箱', description: '单位公开的办公邮箱' }),
        /** Office address. */
        address: text({ max: 200 }).optional().meta({ title: '办公地址', description: '单位办公地址' }),
        /** Official website. */
        website: webUrl().optional().meta({ title: '单位网站', description: '单位官方网站地址' }),
      })
      .default({})
      .meta({ title: '公开联系方式', description: '单位对外公开的联系方式，只填办公电话、邮箱、地址；不得填写个人信息' }),
    /** GitHub users or teams allowed to change this unit's folder (CODEOWNERS). */
    maintainers: z
      .array(maintainer())
      .default([])
      .meta({ title: '维护人', description: '可以修改本单位文件夹的 GitHub 用户或团队，例如 "@dongxiang/jiaoyuju"' }),
  })
  .meta({ title: '单位', description: 'data/units/<单位编号>/unit.yaml：开设政务新媒体的主办单位' });

export type UnitFile = z.output<typeof UnitSchema>;
