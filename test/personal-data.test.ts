/** Personal data detection: what must be caught and what must not be flagged. */
import { describe, expect, it } from 'vitest';
import { findPersonalData, isResidentId } from '../src/lib/rules/personal-data.ts';
import { looksLikePersonName } from '../src/lib/rules/person-name.ts';

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

describe('looksLikePersonName', () => {
  it.each(['马建国', '张三', '欧阳明', '王小二（个人）', '个人'])('%s is a person', (name) => {
    expect(looksLikePersonName(name)).toBe(true);
  });
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
