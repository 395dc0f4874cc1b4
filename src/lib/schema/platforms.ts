/** `data/platforms.yaml`: the platform catalogue. Adding a platform is a data change. */
import * as z from 'zod';
import { slug, text, token } from './common.ts';

/** A host name such as `weibo.com`, or `*.gov.cn` for every sub-domain of `gov.cn`. */
const host = () =>
  z
    .string()
    .max(253)
    .regex(/^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/);

/** One platform of the catalogue. */
export const PlatformSchema = z
  .strictObject({
    /** Platform id used by account files (`platform:`), e.g. `wechat`. */
    id: slug().meta({ title: '平台编号', description: '账号文件中 platform: 使用的编号，例如 wechat' }),
    /** Chinese name of the platform. */
    name: text({ max: 50 }).meta({ title: '平台名称', description: '平台中文名称，例如：微信公众号' }),
    /** What kind of product the platform is. */
    kind: z
      .enum(['social', 'video', 'news', 'mini-program', 'app'])
      .meta({ title: '平台类型', description: 'social 社交媒体 · video 短视频 · news 资讯 · mini-program 小程序 · app 移动客户端' }),
    /** Hosts the platform's public pages live on; `*.gov.cn` accepts every sub-domain. */
    hosts: z.array(host()).meta({ title: '域名', description: '该平台公开链接所在的域名；*.gov.cn 表示该域名下所有子域名' }),
    /** Whether an account on this platform must give a public URL. */
    url_required: z
      .boolean()
      .meta({ title: '须填写链接', description: '该平台账号是否必须填写公开链接（小程序、视频号没有公开网页，写 false）' }),
    /** What the platform calls an account's public ID. */
    handle_label: text({ max: 30 }).meta({ title: '账号 ID 名称', description: '平台对账号 ID 的叫法，例如：微信号、微博 UID、抖音号' }),
    /** Regular expression a handle must match (whole string). */
    handle_pattern: text({ max: 300 }).meta({ title: '账号 ID 格式', description: '账号 ID 必须符合的正则表达式（整串匹配）' }),
    /** Plain-Chinese description of the handle format, shown in error messages. */
    handle_hint: text({ max: 200 }).meta({
      title: '账号 ID 格式说明',
      description: '账号 ID 格式的中文说明，出现在错误提示中，例如：6–20 位字母、数字、下划线或减号，以字母开头',
    }),
    /** Example handle. */
    handle_example: token(100).meta({ title: '账号 ID 示例', description: '账号 ID 示例（须加引号）' }),
    /**
     * Equivalent public profile URL forms of one account, canonical form first: classic and
     * short forms, mobile hosts, profile sub-pages, app-store links with a name slug. `{id}`
     * stands for the part that identifies the account, `{*}` for one path segment that does not
     * (a country code, a name slug), a final `/{**}` for any sub-page of the profile.
     * `m.weibo.cn/u/{id}` and `weibo.com/u/{id}` are the same account. Share links of a link
     * shortener (`v.douyin.com/…`) name no account offline and are not forms.
     */
    url_forms: z
      .array(
        z
          .string()
          .max(300)
          .regex(/^https:\/\/[^\s{}]*(?:\{\*\}[^\s{}]*)*\{id\}[^\s{}]*(?:\{\*\}[^\s{}]*)*(?:\/\{\*\*\})?$/),
      )
      .default([])
      .meta({
        title: '等价链接形式',
        description: '同一账号的等价链接形式，第一个为标准形式，{id} 代表账号标识部分，例如 https://weibo.com/u/{id}',
      }),
    /**
     * Real-looking examples of the URL forms, each with the account id it names: tests check that
     * every form has one and that each normalises to the canonical form of that id.
     */
    url_examples: z
      .array(
        z.strictObject({
          url: z.string().max(300).meta({ title: '链接', description: '链接示例' }),
          id: token(100).meta({ title: '账号标识', description: '链接中标识账号的部分' }),
        }),
      )
      .default([])
      .meta({ title: '链接形式示例', description: '每种链接形式的示例及其账号标识，测试据此检查规范化结果' }),
    /**
     * Path prefixes of the platform's pages that are not an account's profile (search, trending,
     * discovery, articles…): a URL there is refused as an account or impostor link, like the
     * platform's home page.
     */
    non_profile_paths: z
      .array(
        z
          .string()
          .max(100)
          .regex(/^\/[^\s?#]*$/),
      )
      .default([])
      .meta({ title: '非账号页面路径', description: '平台上不是账号主页的页面路径前缀（搜索、热榜、发现页等），例如 /search' }),
    /**
     * The `{id}` of the URL forms is the handle itself (微博 UID, B 站 UID): an account whose link
     * names another id than its handle or identifiers is refused.
     */
    url_id_is_handle: z
      .boolean()
      .default(false)
      .meta({ title: '链接标识即账号 ID', description: '链接中的账号标识就是账号 ID（如微博 UID）：链接与账号 ID 不一致时报错' }),
    /** Query parameters that identify the account (kept when a URL is normalised); others are dropped. */
    identity_params: z.array(token(50)).default([]).meta({
      title: '标识参数',
      description: '链接中标识账号的查询参数（规范化时保留），例如微信的 __biz；其余参数（from、share_*、utm_* 等）被去掉',
    }),
    /** Example of a public URL. */
    url_example: z
      .string()
      .max(300)
      .nullable()
      .default(null)
      .meta({ title: '链接示例', description: '公开链接示例；没有公开链接的平台写 null' }),
  })
  .meta({ title: '平台', description: '一个平台的编号、名称、域名和账号 ID 格式' });

/** Schema of `data/platforms.yaml`. */
export const PlatformsSchema = z
  .strictObject({
    /** The platforms, in display order. */
    platforms: z.array(PlatformSchema).min(1).meta({ title: '平台列表', description: '平台目录，按显示顺序排列' }),
  })
  .meta({ title: '平台目录', description: 'data/platforms.yaml：可以开设政务新媒体的平台' });

export type Platform = z.output<typeof PlatformSchema>;
export type Platforms = z.output<typeof PlatformsSchema>;
