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

/**
 * What Chinese government websites show in their footer (all optional; the site shows only what is
 * set). Values are public registration numbers, never personal data.
 */
export const FooterSchema = z
  .strictObject({
    /** 网站标识码 (政府网站标识码): the region code and four digits, e.g. 6229260001. */
    site_code: z
      .string()
      .regex(/^\d{10}$/)
      .optional()
      .meta({ title: '网站标识码', description: '政府网站标识码，10 位数字（6 位行政区划代码 + 4 位序号），例如 6229260001，须加引号' }),
    /** ICP 备案号, e.g. 陇ICP备12345678号-1; the footer links it to beian.miit.gov.cn. */
    icp: text({ max: 60 })
      .regex(/ICP备\d+号(?:-\d+)?$/u)
      .optional()
      .meta({ title: 'ICP 备案号', description: '工业和信息化部 ICP 备案号，例如 陇ICP备12345678号-1；页脚链接到 beian.miit.gov.cn' }),
    /** 公安机关备案号, e.g. 甘公网安备62292602000001号. */
    police: text({ max: 60 })
      .regex(/公网安备\s*\d+号$/u)
      .optional()
      .meta({ title: '公安机关备案号', description: '公安机关互联网站安全管理备案号，例如 甘公网安备62292602000001号' }),
    /** 主办单位: who runs the website (defaults to the office). */
    sponsor: text({ max: 100 }).optional().meta({ title: '主办单位', description: '网站的主办单位全称；不填时页脚不显示「主办单位」一项' }),
  })
  .meta({
    title: '页脚信息',
    description: '政府网站页脚的备案信息：网站标识码、ICP 备案号、公安机关备案号、主办单位。都可不填，填了才显示',
  });

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
    /**
     * The region's emblem or the office's logo shown in the header band: a file under `public/`
     * (`emblem.png`), PNG, SVG or WebP.
     */
    emblem: z
      .string()
      .max(100)
      .regex(/^(?!.*\.\.)[a-z0-9_-]+(?:\/[a-z0-9_-]+)*\.(?:png|svg|webp)$/)
      .optional()
      .meta({
        title: '标志图片',
        description: '页头显示的标志图片，放在 public/ 文件夹中的文件名，例如 emblem.png（PNG、SVG 或 WebP）；不填时不显示',
      }),
    /** Registration numbers and sponsor shown in the footer. */
    footer: FooterSchema.optional(),
    /** Short introduction shown on the home page. */
    description: text({ max: 1000, multiline: true }).optional().meta({ title: '简介', description: '首页显示的简介' }),
    /** Licence of the open data downloads (an SPDX id such as CC-BY-4.0). */
    data_license: token(64).optional().meta({ title: '开放数据许可', description: '开放数据的许可协议（SPDX 标识，例如 CC-BY-4.0）' }),
    /** `true` when the registry holds sample data: every page then shows a banner. */
    sample: z.boolean().meta({ title: '示例数据', description: '为 true 时表示本名录为示例数据，网站每页显示提示横幅' }),
  })
  .meta({ title: '名录站点信息', description: 'data/site.yaml：名录网站的标题、地区、主管单位与公开联系方式' });

export type Site = z.output<typeof SiteSchema>;
