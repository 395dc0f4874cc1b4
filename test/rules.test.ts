/**
 * Every rule of the rule table (src/lib/rules/table.ts): one fixture change that triggers it (rule,
 * severity, file, line) and one near miss that must not.
 */
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES, type RuleId } from '../src/lib/rules/table.ts';
import { loadFixture, replace, type Changes } from './helpers/fixture.ts';

const LATEST = 'inspections/2026/2026-11-23.yaml';

/** An account file of the education bureau with some fields changed. */
function account(fields: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    name: '东乡教育服务',
    platform: 'toutiao',
    handle: '"1712345678901234"',
    url: 'https://www.toutiao.com/c/user/token/MS4wLjABAAAAjyj/',
    verified_as: '东乡族自治县教育局',
    purpose: '教育资讯',
    operation: 'self',
    events: '\n  - { type: opened, date: 2026-11-24, filed: 2026-11-25 }',
    ...fields,
  };
  return Object.entries(base)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')
    .concat('\n');
}

/** GBK bytes of an account file (as saved by Notepad on Chinese Windows). */
function gbk(text: string): Uint8Array {
  // 东乡教育 in GBK; the rest is ASCII.
  const chinese: Record<string, number[]> = { 东: [0xb6, 0xab], 乡: [0xcf, 0xe7], 教: [0xbd, 0xcc], 育: [0xd3, 0xfd] };
  return Uint8Array.from([...text].flatMap((ch) => chinese[ch] ?? [ch.charCodeAt(0)]));
}

interface Case {
  changes: Changes;
  asOf?: string;
  /** Other rules the near miss is expected to raise (nothing else may appear). */
  allow?: RuleId[];
}
interface RuleCases {
  trigger: Case & { file: string; line: number };
  nearMiss: Case;
}

const NEW = 'units/jiaoyuju/accounts/toutiao.yaml';

/** The fixture's active accounts. */
const ACTIVE = [
  'units/jiaoyuju/accounts/wechat.yaml',
  'units/jiaoyuju/accounts/weibo.yaml',
  'units/jiaoyuju/accounts/douyin.yaml',
  'units/suonan-zhen/accounts/wechat.yaml',
];

/** A policy asking for two-way proof (90 days) and a proof on every active account, checked on `checked` unless `except` says otherwise (null: none). */
function proofs(checked: string, except: Record<string, string | null> = {}): Changes {
  const changes: Changes = { 'policy.yaml': (text) => `${text}proof_stale_days: 90\n` };
  for (const file of ACTIVE) {
    const day = file in except ? except[file] : checked;
    if (day) changes[file] = (text) => `${text}proof: { where: profile, text: 政务新媒体备案编号见名录, checked: ${day} }\n`;
  }
  return changes;
}

const CASES: Record<RuleId, RuleCases> = {
  encoding: {
    trigger: { changes: { [NEW]: gbk('name: 东乡教育\nplatform: toutiao\n') }, file: NEW, line: 1 },
    nearMiss: { changes: { [NEW]: `\uFEFF${account()}` } },
  },
  'yaml-syntax': {
    trigger: { changes: { [NEW]: account().replace('\n  - {', '\n\t- {') }, file: NEW, line: 9 },
    nearMiss: { changes: { [NEW]: `# 注释里可以有\tTab\n${account()}` } },
  },
  'yaml-duplicate-key': {
    trigger: { changes: { [NEW]: `${account()}name: 东乡教育二\n` }, file: NEW, line: 10 },
    nearMiss: {
      changes: {
        [NEW]: account({
          events: '\n  - { type: opened, date: 2026-11-24, filed: 2026-11-25 }\n  - { type: changed, date: 2026-11-26, filed: 2026-11-26 }',
        }),
      },
    },
  },
  'yaml-unsafe': {
    trigger: { changes: { [NEW]: account({ purpose: '&p 教育资讯', operation: 'self\nnote: *p' }) }, file: NEW, line: 6 },
    nearMiss: { changes: { [NEW]: account({ purpose: '"教育 & 考试 *重要* !"' }) } },
  },
  'stray-file': {
    trigger: { changes: { 'units/jiaoyuju/accounts/toutiao.yml': account() }, file: 'units/jiaoyuju/accounts/toutiao.yml', line: 1 },
    nearMiss: { changes: { 'README.md': '# 数据目录说明\n', 'impostors/.gitkeep': '' } },
  },
  schema: {
    trigger: { changes: { [NEW]: account({ handle: '1712345678901234' }) }, file: NEW, line: 3 },
    nearMiss: { changes: { [NEW]: account() } },
  },
  'id-mismatch': {
    trigger: {
      changes: { 'units/jiaoyuju/unit.yaml': replace('id: jiaoyuju', 'id: jiaoyu-ju') },
      file: 'units/jiaoyuju/unit.yaml',
      line: 1,
    },
    nearMiss: { changes: { 'calendar/2026.yaml': replace('year: 2026', 'year: 2026 # 与文件名一致') } },
  },
  'unknown-reference': {
    trigger: {
      changes: {
        [LATEST]: replace(
          'rectifications: []',
          'rectifications:\n  - { account: jiaoyuju/toutiao, issue: stale, due: 2026-11-30, resolved: null }',
        ),
      },
      file: LATEST,
      line: 9,
    },
    // The account file exists (though invalid): the reference is not unknown.
    nearMiss: {
      allow: ['schema'],
      changes: {
        [NEW]: account({ handle: '1712345678901234' }),
        [LATEST]: replace(
          'rectifications: []',
          'rectifications:\n  - { account: jiaoyuju/toutiao, issue: stale, due: 2026-11-30, resolved: null }',
        ),
      },
    },
  },
  'duplicate-identifier': {
    trigger: {
      changes: {
        'units/suonan-zhen/accounts/weibo.yaml': account({
          name: '锁南微博',
          platform: 'weibo',
          handle: '"5123456780"',
          url: 'https://m.weibo.cn/profile/5123456789',
          verified_as: '东乡族自治县锁南镇人民政府',
        }),
      },
      file: 'units/suonan-zhen/accounts/weibo.yaml',
      line: 4,
    },
    // The same handle on another platform is a different account.
    nearMiss: {
      changes: {
        'units/suonan-zhen/accounts/douyin.yaml': account({
          platform: 'douyin',
          handle: 'dxjy2018',
          url: 'https://www.douyin.com/user/MS4wLjABAAAAtest',
          verified_as: '东乡族自治县锁南镇人民政府',
        }),
      },
    },
  },
  'platform-url-mismatch': {
    trigger: { changes: { [NEW]: account({ url: 'https://www.toutiao.com.evil.cn/c/user/token/x/' }) }, file: NEW, line: 4 },
    nearMiss: { changes: { [NEW]: account({ url: 'https://m.toutiao.com/c/user/token/MS4wLjABAAAAjyj/' }) } },
  },
  'one-account-per-platform': {
    trigger: {
      changes: {
        'units/jiaoyuju/accounts/wechat-fuwu.yaml': account({
          platform: 'wechat',
          handle: 'dxjyfuwu',
          url: 'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzFUWU==',
        }),
      },
      file: 'units/jiaoyuju/accounts/wechat-fuwu.yaml',
      line: 2,
    },
    nearMiss: {
      changes: {
        'units/jiaoyuju/accounts/wechat-fuwu.yaml': `${account({ platform: 'wechat', handle: 'dxjyfuwu', url: 'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzFUWU==' })}waiver: { reason: 招生考试服务需要服务号, approved_by: 县政府办公室, approved_on: 2026-10-30 }\n`,
      },
    },
  },
  'personal-registration': {
    trigger: { changes: { [NEW]: account({ verified_as: '马建国' }) }, file: NEW, line: 5 },
    nearMiss: { changes: { [NEW]: account({ verified_as: '东乡县教育局' }) } },
  },
  'personal-data': {
    trigger: {
      changes: { 'units/suonan-zhen/unit.yaml': replace('phone: "0930-7125678"', 'phone: "139 1234 5678"') },
      file: 'units/suonan-zhen/unit.yaml',
      line: 6,
    },
    // Landlines, Weibo UIDs, __biz values and dates are not personal data.
    nearMiss: {
      changes: { [NEW]: account({ purpose: '咨询电话 0930-7121234，微博 UID 5123456789，__biz=MzA5NzQ2NjQ1Mg==，2026-11-23 发布' }) },
    },
  },
  'event-order': {
    trigger: {
      changes: {
        [NEW]: account({
          events:
            '\n  - { type: opened, date: 2026-11-02, filed: 2026-11-03 }\n  - { type: changed, date: 2026-10-30, filed: 2026-11-03, previous_name: 教育服务 }',
        }),
      },
      file: NEW,
      line: 10,
    },
    nearMiss: {
      changes: {
        [NEW]: account({
          events:
            '\n  - { type: opened, date: 2026-11-24, filed: 2026-11-25 }\n  - { type: changed, date: 2026-11-24, filed: 2026-11-03, previous_name: 教育服务 }',
        }),
      },
    },
  },
  'future-date': {
    trigger: { changes: { [NEW]: account({ events: '\n  - { type: opened, date: 2026-11-27, filed: 2026-11-30 }' }) }, file: NEW, line: 9 },
    // A rectification may be due after today.
    nearMiss: {
      changes: {
        [LATEST]: replace(
          'rectifications: []',
          'rectifications:\n  - { account: jiaoyuju/weibo, issue: no-interaction, due: 2026-12-04, resolved: null }',
        ),
      },
    },
  },
  'filing-number': {
    trigger: { changes: { [NEW]: account({ filing_number: '622926-2026-0001' }) }, file: NEW, line: 10 },
    nearMiss: {
      changes: {
        [NEW]: account({ filing_number: '622926-2026-0001' }),
        'filing-numbers.yaml': 'numbers:\n  - { number: 622926-2026-0001, account: jiaoyuju/toutiao }\n',
      },
    },
  },
  'filing-late': {
    // Friday 2026-02-13; Saturday 02-14 is a make-up working day, 02-15…02-23 Spring Festival: 02-26 is the 4th working day.
    trigger: { changes: { [NEW]: account({ events: '\n  - { type: opened, date: 2026-02-13, filed: 2026-02-26 }' }) }, file: NEW, line: 9 },
    nearMiss: {
      allow: ['inspection-missing'],
      changes: { [NEW]: account({ events: '\n  - { type: opened, date: 2026-02-13, filed: 2026-02-25 }' }) },
    },
  },
  'calendar-missing': {
    trigger: {
      changes: { [NEW]: account({ events: '\n  - { type: opened, date: 2026-12-31, filed: 2027-01-04 }' }) },
      asOf: '2027-01-05',
      file: NEW,
      line: 9,
    },
    nearMiss: {
      allow: ['inspection-missing'],
      changes: { [NEW]: account({ events: '\n  - { type: opened, date: 2026-12-31, filed: 2026-12-31 }' }) },
      asOf: '2026-12-31',
    },
  },
  'verified-subject-mismatch': {
    trigger: { changes: { [NEW]: account({ verified_as: '东乡族自治县教育局办公室' }) }, file: NEW, line: 5 },
    nearMiss: { changes: { [NEW]: account({ verified_as: '东乡族自治县 教育局' }) } },
  },
  'unverified-account': {
    trigger: { changes: { [NEW]: account({ verified_as: 'null' }) }, file: NEW, line: 5 },
    nearMiss: {
      changes: {
        [NEW]: account({
          verified_as: 'null',
          events:
            '\n  - { type: opened, date: 2026-11-02, filed: 2026-11-03 }\n  - { type: deregistered, date: 2026-11-10, filed: 2026-11-10, notice_url: https://mp.weixin.qq.com/s/zx }',
        }),
      },
    },
  },
  'closure-notice-missing': {
    trigger: {
      changes: { 'units/suonan-zhen/accounts/kuaishou.yaml': replace(', notice_url: https://mp.weixin.qq.com/s/ksnotice', '') },
      file: 'units/suonan-zhen/accounts/kuaishou.yaml',
      line: 10,
    },
    // An old suspension without notice is history once the account resumed.
    nearMiss: {
      changes: {
        [NEW]: account({
          events:
            '\n  - { type: opened, date: 2026-11-24, filed: 2026-11-25 }\n  - { type: suspended, date: 2026-11-25, filed: 2026-11-25 }\n  - { type: resumed, date: 2026-11-26, filed: 2026-11-26 }',
        }),
      },
    },
  },
  'stale-warning': {
    trigger: {
      changes: { [LATEST]: replace('jiaoyuju/weibo, last_post: 2026-11-19', 'jiaoyuju/weibo, last_post: 2026-11-13') },
      file: LATEST,
      line: 5,
    },
    nearMiss: { changes: { [LATEST]: replace('jiaoyuju/weibo, last_post: 2026-11-19', 'jiaoyuju/weibo, last_post: 2026-11-16') } },
  },
  'stale-fail': {
    trigger: {
      changes: { [LATEST]: replace('jiaoyuju/weibo, last_post: 2026-11-19', 'jiaoyuju/weibo, last_post: 2026-11-08') },
      file: LATEST,
      line: 5,
    },
    nearMiss: {
      allow: ['stale-warning'],
      changes: { [LATEST]: replace('jiaoyuju/weibo, last_post: 2026-11-19', 'jiaoyuju/weibo, last_post: 2026-11-09') },
    },
  },
  'inspection-missing': {
    trigger: {
      changes: { [LATEST]: replace('  - { account: jiaoyuju/douyin, last_post: 2026-11-22, findings: [] }\n', '') },
      file: LATEST,
      line: 3,
    },
    // Opened after the latest inspection: not yet due.
    nearMiss: { changes: { [NEW]: account({ events: '\n  - { type: opened, date: 2026-11-24, filed: 2026-11-25 }' }) } },
  },
  'rectification-overdue': {
    trigger: {
      changes: {
        [LATEST]: replace(
          'rectifications: []',
          'rectifications:\n  - { account: jiaoyuju/weibo, issue: no-interaction, due: 2026-11-27, resolved: null }',
        ),
      },
      file: LATEST,
      line: 9,
    },
    nearMiss: {
      changes: {
        [LATEST]: replace(
          'rectifications: []',
          'rectifications:\n  - { account: jiaoyuju/weibo, issue: no-interaction, due: 2026-11-28, resolved: null }',
        ),
      },
    },
  },
  'proof-missing': {
    trigger: {
      changes: proofs('2026-11-20', { 'units/jiaoyuju/accounts/weibo.yaml': null }),
      file: 'units/jiaoyuju/accounts/weibo.yaml',
      line: 1,
    },
    nearMiss: { changes: proofs('2026-11-20') },
  },
  'proof-stale': {
    trigger: {
      changes: proofs('2026-11-20', { 'units/jiaoyuju/accounts/weibo.yaml': '2026-08-29' }),
      file: 'units/jiaoyuju/accounts/weibo.yaml',
      line: 11,
    },
    nearMiss: { changes: proofs('2026-11-20', { 'units/jiaoyuju/accounts/weibo.yaml': '2026-08-30' }) },
  },
};

describe('fixture registry', () => {
  it('is clean: no problem at all', () => {
    const result = loadFixture();
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.registry).not.toBeNull();
  });
});

describe('rules', () => {
  it('has a case for every rule id of the rule table', () => {
    expect(Object.keys(CASES).sort()).toEqual([...RULE_IDS].sort());
  });

  for (const rule of RULE_IDS) {
    describe(rule, () => {
      const { trigger, nearMiss } = CASES[rule];
      it(`triggers as ${RULES[rule].severity} on the exact line`, () => {
        const { problems } = loadFixture(trigger.changes, trigger.asOf);
        const found = problems.filter((p) => p.rule === rule);
        expect(found.length).toBeGreaterThan(0);
        expect(found).toContainEqual(
          expect.objectContaining({ rule, severity: RULES[rule].severity, file: `data/${trigger.file}`, line: trigger.line }),
        );
      });
      it('does not trigger on the near miss', () => {
        const { problems } = loadFixture(nearMiss.changes, nearMiss.asOf);
        expect(problems.filter((p) => p.rule === rule)).toEqual([]);
        expect(problems.filter((p) => !nearMiss.allow?.includes(p.rule))).toEqual([]);
      });
    });
  }
});
