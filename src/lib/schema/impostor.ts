/** `data/impostors/<id>.yaml`: one reported impostor account. */
import * as z from 'zod';
import { date, note, text, token, unitOrAccountId, urlText } from './common.ts';

/** Schema of an impostor file. */
export const ImpostorSchema = z
  .strictObject({
    /** Platform id the impostor is on. */
    platform: z.string().max(64).meta({ title: '平台', description: '仿冒账号所在平台的编号，例如 douyin' }),
    /** Name the impostor shows. */
    name: text({ max: 100 }).meta({ title: '仿冒账号名称', description: '仿冒账号显示的名称' }),
    /** The impostor's public ID, or null when unknown. */
    handle: token(100)
      .nullable()
      .meta({ title: '仿冒账号 ID', description: '仿冒账号的账号 ID；不知道写 null（handle 和 url 至少填一个）' }),
    /** The impostor's URL, or null when unknown. */
    url: urlText().nullable().meta({ title: '仿冒账号链接', description: '仿冒账号的链接；不知道写 null' }),
    /** The official account (`unit/slug`) or unit it pretends to be. */
    imitates: unitOrAccountId().meta({ title: '仿冒对象', description: '被仿冒的官方账号编号（单位编号/账号文件名）或单位编号' }),
    /** Day it was found. */
    found: date().meta({ title: '发现日期', description: '发现日期，YYYY-MM-DD' }),
    /** Day it was reported to the platform, or null. */
    reported: date().nullable().meta({ title: '举报日期', description: '向平台举报的日期；尚未举报写 null' }),
    /** Day the platform removed it, or null while it is still online. */
    removed: date().nullable().meta({ title: '处置日期', description: '平台关闭该账号的日期；仍在线写 null' }),
    /** How it was found. */
    source: z
      .enum(['inspection', 'public-report'])
      .meta({ title: '发现途径', description: 'inspection 巡查发现 · public-report 群众举报' }),
    /** Remark. */
    note: note().optional().meta({ title: '备注', description: '备注' }),
  })
  .meta({ title: '仿冒账号', description: 'data/impostors/<编号>.yaml：一个被发现的仿冒政务新媒体账号' });

export type Impostor = z.output<typeof ImpostorSchema>;
