/** The Chinese messages clerks read: what is wrong, where, and how to fix it. */
import { describe, expect, it } from 'vitest';
import type { MessageCode } from '../src/lib/messages.ts';
import { loadFixture, replace, type Changes } from './helpers/fixture.ts';

const NEW = 'units/jiaoyuju/accounts/toutiao.yaml';
const LATEST = 'inspections/2026/2026-11-23.yaml';
const ACCOUNT = `name: 东乡教育服务
platform: toutiao
handle: "1712345678901234"
url: https://www.toutiao.com/c/user/token/MS4wLjABAAAAjyj/
verified_as: 东乡族自治县教育局
purpose: 教育资讯
operation: self
events:
  - { type: opened, date: 2026-11-24, filed: 2026-11-25 }
`;

/** The message of the one problem with `code` after `changes`. */
function message(code: MessageCode, changes: Changes, asOf?: string): string {
  const found = loadFixture(changes, asOf).problems.filter((p) => p.code === code);
  expect(found, code).toHaveLength(1);
  return found[0]!.message;
}

const account = (from: string, to: string) => ({ [NEW]: replace(from, to)(ACCOUNT) });

describe('schema messages', () => {
  it('missing field, with what to write', () => {
    expect(message('schema.missing', account('verified_as: 东乡族自治县教育局\n', ''))).toMatchInlineSnapshot(
      `"缺少必填字段 verified_as（认证主体）：平台上显示的认证主体，应为本单位全称；未认证写 null。"`,
    );
  });
  it('unknown field, with the likely intended one', () => {
    expect(message('schema.unknown-key', account('purpose:', 'purpse:'))).toMatchInlineSnapshot(
      `"不认识的字段 purpse。是不是想写 purpose？此处可用的字段：name、platform、handle、identifiers、filing_number、url、verified_as、purpose、operation、operator、events、proof、waiver、note。"`,
    );
  });
  it('unquoted number', () => {
    expect(message('schema.quote', account('handle: "1712345678901234"', 'handle: 1712345678901234'))).toMatchInlineSnapshot(
      `"handle（账号 ID）的值 1712345678901234 没有加引号，YAML 会把它读成数字（可能丢失开头的 0 或末尾数字）。请加英文双引号：handle: "1712345678901234""`,
    );
  });
  it('date not written YYYY-MM-DD, with the corrected form', () => {
    expect(message('schema.date', account('filed: 2026-11-25', 'filed: 2026/11/5'))).toMatchInlineSnapshot(
      `"filed（备案日期）「2026/11/5」不是有效日期。日期须写成 YYYY-MM-DD（月、日不足两位补 0），应写为 2026-11-05。"`,
    );
  });
  it('invisible character, named and located', () => {
    expect(message('schema.invisible', account('name: 东乡教育服务', 'name: "东乡教育\\u202E服务"'))).toMatchInlineSnapshot(
      `"name（账号名称）的第 5 个字符是看不见的 U+202E（从右到左强制符 RLO）。仿冒账号常用这类字符冒充官方名称，请删除它（可整段重新输入）。"`,
    );
  });
  it('value outside the allowed set', () => {
    expect(message('schema.enum', account('operation: self', 'operation: 自营'))).toMatchInlineSnapshot(
      `"operation（运维方式）「自营」不是可选的值。可选：self 自行运维 · outsourced 委托第三方运维（须填写 operator）。"`,
    );
  });
  it('handle not in the platform format', () => {
    expect(message('schema.handle-pattern', account('handle: "1712345678901234"', 'handle: dx_toutiao'))).toMatchInlineSnapshot(
      `"头条号 ID「dx_toutiao」格式不对：6–20 位数字，须加引号，例如 "1712345678901234"。"`,
    );
  });
});

describe('rule messages', () => {
  it('url on a look-alike host', () => {
    expect(
      message('platform-url-mismatch.host', account('https://www.toutiao.com/', 'https://www.toutiao.com.evil.cn/')),
    ).toMatchInlineSnapshot(
      `"链接的域名 www.toutiao.com.evil.cn 不属于今日头条（应为 toutiao.com、www.toutiao.com、m.toutiao.com 之一）：请核对平台和链接。"`,
    );
  });
  it('url hiding its host behind @', () => {
    expect(
      message('platform-url-mismatch.credentials', account('https://www.toutiao.com/', 'https://www.toutiao.com@evil.cn/')),
    ).toMatchInlineSnapshot(
      `"链接「https://www.toutiao.com@evil.cn/c/user/token/MS4wLjABAAAAjyj/」中含有 @ 前的用户名部分，实际会打开 @ 后面的网站：这是仿冒链接的常见手法，请填写平台上的真实地址。"`,
    );
  });
  it('duplicate identifier after normalisation', () => {
    expect(
      message('duplicate-identifier.account', {
        'units/suonan-zhen/accounts/weibo.yaml': ACCOUNT.replace('platform: toutiao', 'platform: weibo')
          .replace('handle: "1712345678901234"', 'handle: "5123456789"')
          .replace('url: https://www.toutiao.com/c/user/token/MS4wLjABAAAAjyj/', 'url: https://weibo.com/u/1000000001')
          .replace('东乡族自治县教育局', '东乡族自治县锁南镇人民政府'),
      }),
    ).toMatchInlineSnapshot(
      `"微博 UID「5123456789」已被账号 jiaoyuju/weibo 使用（data/units/jiaoyuju/accounts/weibo.yaml 第 3 行）。一个账号只能备案一次：核对是否抄错；两个文件若是同一个账号，保留先备案的那个。"`,
    );
  });
  it('second account on a platform', () => {
    expect(
      message('one-account-per-platform.second', {
        [NEW]: ACCOUNT.replace('platform: toutiao', 'platform: douyin')
          .replace('handle: "1712345678901234"', 'handle: dxjy_second')
          .replace('https://www.toutiao.com/c/user/token/MS4wLjABAAAAjyj/', 'https://www.douyin.com/user/MS4wLjABAAAAsecond'),
      }),
    ).toMatchInlineSnapshot(
      `"本单位在抖音上已有账号 jiaoyuju/douyin（东乡教育）。一个单位在同一平台原则上只开设一个账号：注销多余账号，或填写 waiver（理由、批准单位、批准日期）。"`,
    );
  });
  it('personal registration', () => {
    expect(
      message('personal-registration.person', account('verified_as: 东乡族自治县教育局', 'verified_as: 马建国')),
    ).toMatchInlineSnapshot(
      `"认证主体「马建国」像是个人姓名。严禁以个人名义注册单位账号：请在平台上把账号认证到本单位名下，verified_as 填写单位全称。"`,
    );
  });
  it('mobile number, masked', () => {
    expect(
      message('personal-data.mobile', account('purpose: 教育资讯', 'purpose: 教育资讯，联系人电话 13912345678')),
    ).toMatchInlineSnapshot(`"这里有手机号码 139****5678。名录是公开的，不得出现个人手机号：改为单位办公电话（带区号的座机）。"`);
  });
  it('events out of order', () => {
    expect(
      message(
        'event-order.date',
        account('filed: 2026-11-25 }', 'filed: 2026-11-25 }\n  - { type: changed, date: 2026-11-20, filed: 2026-11-25 }'),
      ),
    ).toMatchInlineSnapshot(`"备案事项要按日期先后排列：2026-11-20 早于上一项的 2026-11-24。"`);
  });
  it('date after today', () => {
    expect(message('future-date.date', account('filed: 2026-11-25', 'filed: 2026-12-25'))).toMatchInlineSnapshot(
      `"filed（备案日期）「2026-12-25」晚于今天（2026-11-28）：已发生的事项不能写将来的日期，检查年份和月份。"`,
    );
  });
  it('late filing across Spring Festival', () => {
    expect(
      message('filing-late.late', account('date: 2026-11-24, filed: 2026-11-25', 'date: 2026-02-13, filed: 2026-02-27')),
    ).toMatchInlineSnapshot(
      `"开设（2026-02-13）在第 5 个工作日（2026-02-27）才备案，超过了 3 个工作日的时限（最迟应在 2026-02-25 备案）。"`,
    );
  });
  it('missing holiday calendar', () => {
    expect(
      message('calendar-missing.year', account('date: 2026-11-24, filed: 2026-11-25', 'date: 2026-12-30, filed: 2027-01-06'), '2027-01-08'),
    ).toMatchInlineSnapshot(`"无法计算工作日：缺少 2027 年的节假日安排 data/calendar/2027.yaml。国务院公布当年安排后请添加该文件。"`);
  });
  it('verification subject of another name', () => {
    expect(
      message('verified-subject-mismatch.mismatch', account('verified_as: 东乡族自治县教育局', 'verified_as: 东乡族自治县教育局办公室')),
    ).toMatchInlineSnapshot(
      `"认证主体「东乡族自治县教育局办公室」与单位名称「东乡族自治县教育局」不一致。如果这是单位的另一个正式名称，请加入 unit.yaml 的 aliases；否则请在平台上更正认证信息。"`,
    );
  });
  it('closure without notice', () => {
    expect(
      message('closure-notice-missing.missing', {
        'units/suonan-zhen/accounts/kuaishou.yaml': replace(', notice_url: https://mp.weixin.qq.com/s/ksnotice', ''),
      }),
    ).toMatchInlineSnapshot(`"账号已关停，但没有填写停更公告链接 notice_url。请发布公告告知公众该账号不再更新，并填写公告网址。"`);
  });
  it('zombie account', () => {
    expect(
      message('stale-fail.days', { [LATEST]: replace('jiaoyuju/weibo, last_post: 2026-11-19', 'jiaoyuju/weibo, last_post: 2026-10-30') }),
    ).toMatchInlineSnapshot(
      `"2026-11-23 巡查时，账号 jiaoyuju/weibo 已 24 天未更新（最近更新 2026-10-30），超过 14 天，单项否决。请立即整改，或关停注销。"`,
    );
  });
  it('account left out of the latest inspection', () => {
    expect(
      message('inspection-missing.absent', {
        [LATEST]: replace('  - { account: jiaoyuju/douyin, last_post: 2026-11-22, findings: [] }\n', ''),
      }),
    ).toMatchInlineSnapshot(`"在用账号 jiaoyuju/douyin 没有出现在 2026-11-23 的巡查记录中：请补充该账号的巡查结果。"`);
  });
  it('rectification overdue', () => {
    expect(
      message('rectification-overdue.overdue', {
        [LATEST]: replace(
          'rectifications: []',
          'rectifications:\n  - { account: jiaoyuju/weibo, issue: no-interaction, due: 2026-11-25, resolved: null }',
        ),
      }),
    ).toMatchInlineSnapshot(`"账号 jiaoyuju/weibo 的整改（互动功能缺失）已超过期限（2026-11-25）3 天仍未完成：完成后填写 resolved 日期。"`);
  });
  it('reference to an account that does not exist', () => {
    expect(
      message('unknown-reference.account', { [LATEST]: replace('account: jiaoyuju/weibo,', 'account: jiaoyuju/weibo2,') }),
    ).toMatchInlineSnapshot(
      `"账号 jiaoyuju/weibo2 不存在（没有找到 data/units/jiaoyuju/accounts/weibo2.yaml）：检查单位编号和账号文件名。"`,
    );
  });
  it('file with the wrong extension', () => {
    expect(message('stray-file.extension', { 'units/jiaoyuju/accounts/toutiao.yml': ACCOUNT })).toMatchInlineSnapshot(
      `"数据文件必须以 .yaml 结尾：请把 toutiao.yml 改名为 toutiao.yaml。改名前它不会被收录进名录（本次已照常检查其内容，其他问题一并列出）。"`,
    );
  });
});
