/** Personal data detection: what must be caught and what must not be flagged. */
import { describe, expect, it } from 'vitest';
import { findPersonalData, isResidentId } from '../src/lib/rules/personal-data.ts';
import { looksLikePersonName } from '../src/lib/facts/person-name.ts';

/** A resident ID with a correct check digit for the given first 17 digits. */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('findPersonalData', () => {
  it.each([
    ['13912345678', 'mobile', '139****5678'],
    ['电话：139-1234-5678', 'mobile', '139****5678'],
    ['+86 158 0000 1234', 'mobile', '158****1234'],
    [`身份证 ${withCheckDigit('62292619900101123')}`, 'id-number', '622926********' + withCheckDigit('62292619900101123').slice(14)],
    ['123456789@qq.com', 'qq-email', '12***@qq.com'],
  ])('finds %s', (text, kind, masked) => {
    expect(findPersonalData(text)).toEqual([{ kind, masked }]);
  });

  it.each([
    ['landline', '0930-7121234'],
    ['landline without dash', '09307121234'],
    ['Weibo UID', '5123456789'],
    ['Weibo URL', 'https://weibo.com/u/5123456789'],
    ['WeChat __biz', 'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5NzQ2NjQ1Mg=='],
    ['digits inside a base64 token', 'MzA513912345678Ng'],
    ['date', '2026-11-23'],
    ['Bilibili UID', '3461234567890123'],
    [
      '18 digits with a wrong check digit',
      `${withCheckDigit('62292619900101123').slice(0, 17)}${withCheckDigit('62292619900101123').endsWith('0') ? '1' : '0'}`,
    ],
    ['office mailbox', 'jyj@dongxiang.example'],
  ])('does not flag a %s', (_, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('checks the resident ID check digit and birth date', () => {
    expect(isResidentId(withCheckDigit('11010519491231002'))).toBe(true);
    expect(isResidentId(withCheckDigit('11010519490231002'))).toBe(false);
  });
});

describe('findPersonalData in every disguise', () => {
  // Assembled at runtime: an obviously fake mobile and a test resident ID with its check digit.
  const mobile = ['139', '1234', '5678'].join('');
  const fullWidth = (text: string) => text.replace(/[-0-9X+]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
  const id = withCheckDigit('11010519491231002');
  it.each([
    ['full-width digits', fullWidth(mobile)],
    ['full-width digits and dashes', fullWidth('139-1234-5678')],
    ['ideographic spaces', '139\u30001234\u30005678'],
    ['dots', '139.1234.5678'],
    ['a space after every digit', [...mobile].join(' ')],
    ['+86 glued', `+86${mobile}`],
    ['0086 with a dash', `0086-${mobile}`],
    ['(+86) in brackets', `(+86)${mobile}`],
    ['full-width +86', `${fullWidth('+86')} ${fullWidth(mobile)}`],
    ['dash-groups after 86', '86-139-1234-5678'],
    ['inside Chinese text', `值班电话${mobile}（24小时）`],
  ])('finds a mobile number with %s', (_, text) => {
    expect(findPersonalData(text)).toEqual([{ kind: 'mobile', masked: '139****5678' }]);
  });

  it.each([
    ['grouped 6-8-4', `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`],
    ['full-width', fullWidth(id)],
    ['dashes', `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`],
  ])('finds a resident ID %s', (_, text) => {
    expect(findPersonalData(text)).toEqual([{ kind: 'id-number', masked: `110105********${id.slice(14)}` }]);
  });

  it.each([
    ['filing number', '622926-2026-0012'],
    ['full-width landline', fullWidth('0930-7121234')],
    ['landline with spaces', '0930 712 1234'],
    ['date range', '2026-11-23 至 2026-12-01'],
    ['13 digits', '1391234567890'],
    ['a list of small numbers', '13 14 15 16 17 18'],
    ['full-width Weibo UID', fullWidth('5329743744')],
  ])('does not flag a %s', (_, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('looksLikePersonName', () => {
  it.each(['马建国', '张三', '欧阳明', '王小二（个人）', '个人', '張偉', '歐陽明', '劉建國', '王小二（個人）'])(
    '%s is a person',
    (name) => {
      expect(looksLikePersonName(name)).toBe(true);
    },
  );
  it.each([
    '东乡族自治县教育局',
    '东乡县教育局',
    '锁南镇人民政府',
    '马家村村民委员会',
    '示例文化传媒有限公司',
    '东乡族自治县融媒体中心',
    '多彩东乡',
    '唐汪镇',
  ])('%s is an organisation', (name) => {
    expect(looksLikePersonName(name)).toBe(false);
  });
});
