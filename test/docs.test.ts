/**
 * The clerks' guide and the contribution templates: generated parts up to date (the rule table,
 * the platform catalogue, the fields), the guide's YAML examples valid, the impostor report form
 * a well-formed GitHub issue form.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PositionIndex } from '../src/lib/load/positions.ts';
import { checkSchema } from '../src/lib/load/schema-check.ts';
import { RULE_IDS, RULES } from '../src/lib/rules/table.ts';
import { AccountSchema, EventSchema } from '../src/lib/schema/account.ts';
import { applySections, rulesSection, targets } from '../src/cli/docs.ts';
import { REPO } from './helpers/fixture.ts';

const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
const GUIDE = read('CONTRIBUTING.md');

describe('generated parts', () => {
  it('CONTRIBUTING.md and the impostor form are up to date (CI runs npm run docs -- --check)', () => {
    for (const target of targets()) expect(applySections(read(target.file), target), target.file).toBe(read(target.file));
  });

  it('explain every rule of the rule table, errors first, with its title and fix', () => {
    const section = rulesSection();
    for (const id of RULE_IDS) {
      expect(section).toContain(`#### \`${id}\` ${RULES[id].title}\n\n${RULES[id].help}`);
      expect(GUIDE).toContain(`#### \`${id}\` ${RULES[id].title}`);
    }
    expect(section.indexOf('### 错误')).toBeLessThan(section.indexOf('#### `filing-late`'));
    expect(section.indexOf('### 警告')).toBeLessThan(section.indexOf('#### `filing-late`'));
  });

  it('go stale when the source changes, and refuse a file without markers', () => {
    const [guide] = targets();
    const changed = { ...guide!, sections: { ...guide!.sections, rules: `${guide!.sections.rules}\n\n#### \`new-rule\` 新规则` } };
    expect(applySections(GUIDE, changed)).not.toBe(GUIDE);
    expect(applySections(GUIDE, changed)).toContain('#### `new-rule` 新规则\n<!-- END GENERATED: rules -->');
    expect(() => applySections('# 没有标记\n', guide!)).toThrow(/缺少标记/);
  });
});

describe('the guide', () => {
  const blocks = [...GUIDE.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('shows a new-account template that is a valid account file', () => {
    const template = blocks.find((b) => b.includes('name:') && b.includes('events:') && b.includes('waiver:'))!;
    expect(template).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/\.\.\/schemas\/account\.schema\.json\n/);
    const data = parse(template);
    expect(checkSchema(AccountSchema, data, 'x', new PositionIndex([0])).problems).toEqual([]);
  });

  it('shows event lines for every lifecycle event, each a valid event', () => {
    const lines = blocks.flatMap((b) => b.split('\n')).filter((l) => /^\s*- \{ type: /.test(l));
    const types = lines.map((l) => (parse(l) as { type: string }[])[0]!.type);
    expect(new Set(types)).toEqual(new Set(['opened', 'changed', 'suspended', 'resumed', 'deregistered']));
    for (const line of lines) {
      const [event] = parse(line) as unknown[];
      expect(checkSchema(EventSchema, event, 'x', new PositionIndex([0])).problems, line).toEqual([]);
    }
  });

  it('explains saving as UTF-8 in Notepad, WPS and VS Code', () => {
    const section = GUIDE.slice(GUIDE.indexOf('## 十、在 Windows 上把文件保存为 UTF-8'), GUIDE.indexOf('## 十一'));
    for (const editor of ['**记事本**', '**WPS**', '**VS Code**']) expect(section).toContain(editor);
    expect(section).toContain('`encoding`');
  });

  it('links only to its own sections that exist', () => {
    const anchors = new Set(
      [...GUIDE.matchAll(/^#{2,3} (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s-]/gu, '')
          .replace(/\s/g, '-'),
      ),
    );
    for (const [, anchor] of GUIDE.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, anchor).toContain(anchor);
  });
});

describe('templates', () => {
  it('the impostor report form is a GitHub issue form asking for platform, name, link, screenshot and where it was seen', () => {
    const form = parse(read('.github/ISSUE_TEMPLATE/impostor-report.yml')) as {
      name: string;
      body: { type: string; id?: string; attributes: { label?: string; options?: unknown[] }; validations?: { required: boolean } }[];
    };
    expect(form.name).toBeTruthy();
    const fields = form.body.filter((b) => b.type !== 'markdown');
    expect(fields.map((f) => f.id)).toEqual(['platform', 'name', 'link', 'imitates', 'screenshot', 'where', 'reason', 'privacy']);
    expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
    const platform = fields[0]!;
    expect(platform.type).toBe('dropdown');
    expect(platform.attributes.options).toEqual([
      '微信公众号',
      '微信视频号',
      '微信小程序',
      '新浪微博',
      '抖音',
      '快手',
      '今日头条',
      '哔哩哔哩',
      '小红书',
      '移动客户端',
      '其他平台',
    ]);
    expect(fields.filter((f) => f.validations?.required).map((f) => f.id)).toEqual(['platform', 'name', 'link', 'where']);
  });

  it('the pull-request template asks for the stamped form, the dates and the closure notice', () => {
    const template = read('.github/pull_request_template.md');
    const checklist = template.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(checklist.some((l) => l.includes('加盖单位公章') && l.includes('备案登记表'))).toBe(true);
    expect(checklist.some((l) => l.includes('`date`') && l.includes('`filed`'))).toBe(true);
    expect(checklist.some((l) => l.includes('停更公告') && l.includes('`notice_url`'))).toBe(true);
  });
});
