/** `data/calendar/<YYYY>.yaml`: the State Council holiday arrangement for one year. */
import * as z from 'zod';
import { date, text } from './common.ts';

/** One holiday: an inclusive range of days off. */
export const HolidaySchema = z
  .strictObject({
    /** Name of the holiday, e.g. 春节. */
    name: text({ max: 30 }).meta({ title: '节假日名称', description: '例如：春节' }),
    /** First day off. */
    from: date().meta({ title: '放假开始', description: '放假第一天，YYYY-MM-DD' }),
    /** Last day off (inclusive). */
    to: date().meta({ title: '放假结束', description: '放假最后一天（含），YYYY-MM-DD' }),
  })
  .meta({ title: '节假日', description: '一段放假日期（首尾均含）' });

/** Schema of `data/calendar/<YYYY>.yaml`. */
export const CalendarSchema = z
  .strictObject({
    /** The year; must equal the file name. */
    year: z.int().min(2000).max(2100).meta({ title: '年份', description: '年份，须与文件名一致' }),
    /** Official source of the arrangement (the State Council notice). */
    source: text({ max: 300 }).optional().meta({ title: '依据', description: '依据的国务院办公厅通知，例如：国办发明电〔2025〕7号' }),
    /** Days off, as inclusive ranges. */
    holidays: z.array(HolidaySchema).meta({ title: '放假安排', description: '法定节假日放假日期（首尾均含）' }),
    /** Make-up working days (调休上班) that fall on a weekend. */
    workdays: z.array(date()).default([]).meta({ title: '调休上班日', description: '周末调休上班的日期' }),
  })
  .meta({ title: '节假日安排', description: 'data/calendar/<年份>.yaml：国务院公布的当年节假日和调休安排，用于计算工作日' });

export type CalendarYear = z.output<typeof CalendarSchema>;
