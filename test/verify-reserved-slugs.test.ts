/**
 * Account slugs `form` and `poster` are reserved: /units/<unit>/poster/ is the unit's trust
 * poster and `form` names the filing form, so an account file with such a name would collide
 * with them. The layout reports it as `stray-file` (bad name) and does not read the file.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from './helpers/fixture.ts';

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

describe('reserved account slugs', () => {
  it.each(['poster', 'form'])('%s.yaml is a stray file with a bad name, and no account', (slug) => {
    const file = `units/jiaoyuju/accounts/${slug}.yaml`;
    const { problems, registry } = loadFixture({ [file]: ACCOUNT });
    const found = problems.filter((p) => p.file.endsWith(file));
    expect(found.map((p) => [p.rule, p.code, p.severity, p.line])).toEqual([['stray-file', 'stray-file.bad-name', 'error', 1]]);
    expect(found[0]!.message).toBe(
      `账号文件名「${slug}.yaml」不能使用：${slug} 是网站为单位页面保留的地址（登记表、海报），不能用作账号文件名。请换一个名称，例如 ${slug}-account.yaml 或按平台命名（wechat.yaml）。`,
    );
    expect(registry?.accountById.has(`jiaoyuju/${slug}`)).toBe(false);
  });

  it('accepts slugs that only contain the reserved words', () => {
    const { problems, registry } = loadFixture({
      'units/jiaoyuju/accounts/poster-wall.yaml': ACCOUNT.replace('1712345678901234', '1712345678901299'),
    });
    expect(problems.filter((p) => p.rule === 'stray-file')).toEqual([]);
    expect(registry?.accountById.has('jiaoyuju/poster-wall')).toBe(true);
  });
});
