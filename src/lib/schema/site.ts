/** `data/site.yaml`: who publishes the registry and how the public reaches them. */
import * as z from 'zod';
import { text, token, webUrl, slug } from './common.ts';

/** The office that runs the registry and receives impostor reports. Public contacts only. */
export const OfficeSchema = z
  .strictObject({
    /** Name of the office, e.g. 东乡族自治县人民政府办公室. */
    name: text({ max: 100 }).meta({ title: '主管单位名称', description: '负责名录的单位全称，例如：东乡族自治县人民政府办公室' }),
    /** Unit id of the office in `data/units/`, when it is also a unit of the registry. */
    unit: slug()
      .nullable()
      .optional()
      .meta({ title: '主管单位编号', description: '该单位在 data/units/ 中的编号（文件夹名）；不在名录中时写 null' }),
    /** Public office telephone (landline with area code). */
    phone: token(40)
      .optional()
      .meta({ title: '办公电话', description: '对外公开的办公电话，带区号，例如 0930-7121234；不得填写个人手机号' }),
    /** Public office e-mail address. */
    email: token(100).optional().meta({ title: '电子邮箱', description: '对外公开的办公邮箱' }),
    /** Postal address of the office. */
    address: text({ max: 200 }).optional().meta({ title: '办公地址', description: '办公地址' }),
    /** Web page where the public can report a suspected impostor account. */
    report_url: webUrl().optional().meta({ title: '举报链接', description: '公众举报仿冒账号的网页地址' }),
  })
  .meta({ title: '主管单位', description: '名录的主管单位及其公开联系方式（公众举报仿冒账号时使用）' });

/** Schema of `data/site.yaml`. */
export const SiteSchema = z
  .strictObject({
    /** Title of the published directory. */
    title: text({ max: 100 }).meta({ title: '网站标题', description: '名录网站的标题，例如：东乡族自治县政务新媒体名录' }),
    /**
     * The site's public address (`https://`), used in posters, QR codes, the feed, canonical links
     * and open data. The `SITE` environment variable overrides it for one build.
     */
    url: z
      .string()
      .max(200)
      .regex(/^https:\/\/[a-z0-9.-]+(?::\d+)?(?:\/[^\s?#]*)?$/)
      .meta({
        title: '网站地址',
        description: '名录网站对外公开的地址，须以 https:// 开头，例如 https://xmt.dongxiang.gov.cn/；海报二维码、订阅源、开放数据都用它',
      }),
    /** The region the registry covers. */
    region: z
      .strictObject({
        /** Name of the administrative region. */
        name: text({ max: 100 }).meta({ title: '地区名称', description: '行政区划名称，例如：东乡族自治县' }),
        /** Administrative division code (GB/T 2260), written in quotes. */
        code: z
          .string()
          .regex(/^\d{6}$/)
          .meta({ title: '行政区划代码', description: '6 位行政区划代码，须加引号，例如 "622926"' }),
      })
      .meta({ title: '地区', description: '名录覆盖的行政区' }),
    /** The office that runs the registry. */
    office: OfficeSchema,
    /** Short introduction shown on the home page. */
    description: text({ max: 1000, multiline: true }).optional().meta({ title: '简介', description: '首页显示的简介' }),
    /** Licence of the open data downloads (an SPDX id such as CC-BY-4.0). */
    data_license: token(64).optional().meta({ title: '开放数据许可', description: '开放数据的许可协议（SPDX 标识，例如 CC-BY-4.0）' }),
    /** `true` when the registry holds sample data: every page then shows a banner. */
    sample: z.boolean().meta({ title: '示例数据', description: '为 true 时表示本名录为示例数据，网站每页显示提示横幅' }),
  })
  .meta({ title: '名录站点信息', description: 'data/site.yaml：名录网站的标题、地区、主管单位与公开联系方式' });

export type Site = z.output<typeof SiteSchema>;
