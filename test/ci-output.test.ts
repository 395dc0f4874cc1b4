/**
 * CI output (the markdown-in-filings case of test/fixtures/adversarial/cases-integrity.ts): what
 * the job summary, the annotations and `pr-summary` quote from filings is rendered by GitHub as
 * Markdown and HTML. The produced Markdown is parsed here with micromark (CommonMark + GFM, as
 * GitHub renders it) and must hold no heading, link, image, HTML or table row a filing planted; the
 * summary stays under 1 MiB with a note of what was cut; at most 10 annotations of a kind.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_PER_KIND,
  capMarkdown,
  escapeHtml,
  escapeMarkdown,
  GITHUB_SUMMARY_LIMIT,
  markdownCode,
  planAnnotations,
  validationSummary,
} from '../src/lib/ci-output.ts';
import { problem, type Problem } from '../src/lib/problems.ts';

/** HTML as GitHub would render the Markdown (raw HTML allowed, as GitHub allows its safe subset). */
const render = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

/** What filings have tried to plant in CI output. */
const HOSTILE = [
  '# 数据校验通过',
  '## ✔ 0 个错误',
  '[官方链接](https://evil.example/phish)',
  '![img](https://evil.example/track.png)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">点这里</a>',
  '<script>alert(1)</script>',
  '<details open><summary>通过</summary>',
  'https://evil.example/autolink',
  'www.evil.example',
  'admin@evil.example',
  '| 伪造 | 表格 | 行 |',
  '`code` **加粗** _斜体_ ~~删除~~',
  '&lt;img src=x&gt;',
  '> 引用：审核已通过',
  '- [x] 已审核',
  '---',
  '1. 第一条',
  '东乡\u202e过通验校\u202c',
  '第一行\n# 第二行是标题\n\n<img src=x>',
  '[x]: https://evil.example/ref',
  '\\<img src=x>',
];

/** Tags a planted text could produce. */
const PLANTED = /<(h[1-6]|a|img|script|details|summary|table|tr|td|th|blockquote|ul|ol|li|input|hr|code|strong|em|del|pre)[\s>]/i;

describe('escapeMarkdown', () => {
  it.each(HOSTILE.map((h) => [h]))('%j stays plain text in a paragraph', (text) => {
    const html = render(`说明：${escapeMarkdown(text)}`);
    expect(html).not.toMatch(PLANTED);
    expect(html.match(/<p>/g)).toHaveLength(1);
  });

  it.each(HOSTILE.map((h) => [h]))('%j stays in its table cell', (text) => {
    const html = render(`| 文件 | 说明 |\n| --- | --- |\n| a.yaml | ${escapeMarkdown(text)} |\n`);
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html.replace(/<\/?(table|thead|tbody|tr|td|th)>/g, '')).not.toMatch(PLANTED);
  });

  it('reads the same once rendered, with invisible characters named', () => {
    const html = render(escapeMarkdown('*东乡* [链接](http://x) a_b'));
    expect(html).toBe('<p>*东乡* [链接](http://x) a_b</p>');
    expect(escapeMarkdown('东乡\u202e教育')).toBe('东乡\\[U\\+202E\\]教育');
  });

  it('keeps identifiers as code only when that is safe', () => {
    expect(markdownCode('data/units/jiaoyuju/accounts/wechat.yaml:3')).toBe('`data/units/jiaoyuju/accounts/wechat.yaml:3`');
    const html = render(`文件 ${markdownCode('a`![x](https://evil.example/p.png)`.txt')}`);
    expect(html).not.toMatch(PLANTED);
  });
});

describe('escapeHtml', () => {
  it('leaves no tag and no line break', () => {
    expect(escapeHtml('<img src="x" onerror=\'a\'>&\n# h')).toBe('&#60;img src=&#34;x&#34; onerror=&#39;a&#39;&#62;&#38; # h');
  });
});

/** A problem whose message quotes a hostile value (as a schema problem quotes an unknown key). */
const hostileProblem = (key: string, line = 1): Problem =>
  problem('schema.unknown-key', { file: 'data/units/x/accounts/y.yaml', line, column: 1 }, { key, suggestion: '', allowed: 'name' });

describe('validationSummary', () => {
  it('has only our own heading and verdict, and one table row per problem', () => {
    const problems = HOSTILE.map((h, i) => hostileProblem(h, i + 1));
    const html = render(validationSummary(problems, '✖ 22 个错误，0 个警告'));
    expect(html.match(/<h2>/g)).toHaveLength(1);
    expect(html).toContain('<h2>数据校验未通过</h2>');
    expect(html).not.toMatch(/<h[13-6]/);
    expect(html.match(/<tr>/g)).toHaveLength(HOSTILE.length + 1);
    expect(html).not.toMatch(/<(a|img|script|details|summary|blockquote|ul|ol|li|input|hr|code|strong|em|del|pre)[\s>]/i);
  });

  it('says 通过 only without errors', () => {
    const warning = problem('unverified-account.null', { file: 'data/a.yaml', line: 1, column: 1 });
    expect(render(validationSummary([warning], '✔ 0 个错误，1 个警告'))).toContain('<h2>数据校验通过</h2>');
  });

  it('stays under the step summary limit with a note of how many problems it leaves out', () => {
    const long = 'x'.repeat(150);
    const problems = Array.from({ length: 20_000 }, (_, i) => hostileProblem(`${long}<img src=x>${i}`, i + 1));
    const summary = validationSummary(problems, '✖');
    const size = Buffer.byteLength(summary);
    expect(size).toBeLessThan(GITHUB_SUMMARY_LIMIT);
    expect(size).toBeGreaterThan(GITHUB_SUMMARY_LIMIT * 0.9);
    const listed = summary.match(/<tr>/g)!.length - 1;
    expect(listed).toBeLessThan(problems.length);
    expect(summary).toContain(`其余 ${problems.length - listed} 个问题未列出`);
    // The note is outside the table, rendered as a quote.
    expect(render(summary)).toMatch(/<\/table>\s*<blockquote>/);
  });
});

describe('capMarkdown', () => {
  it('leaves a small summary alone and cuts a large one at a line with a note', () => {
    expect(capMarkdown('# a\n\nb\n')).toBe('# a\n\nb\n');
    const big = Array.from({ length: 50_000 }, (_, i) => `- 第 ${i} 行 ${'字'.repeat(10)}`).join('\n');
    const cut = capMarkdown(big);
    expect(Buffer.byteLength(cut)).toBeLessThan(GITHUB_SUMMARY_LIMIT);
    const kept = cut.split('\n').filter((l) => l.startsWith('- 第')).length;
    expect(cut).toContain(`后面的 ${50_000 - kept} 行未列出`);
    expect(
      cut
        .split('\n')
        .filter((l) => l.startsWith('- 第'))
        .every((l) => l.endsWith('字')),
    ).toBe(true);
  });
});

describe('planAnnotations', () => {
  const errors = (n: number) => Array.from({ length: n }, (_, i) => hostileProblem('k', i + 1));
  const warnings = (n: number) =>
    Array.from({ length: n }, (_, i) => problem('unverified-account.null', { file: 'data/a.yaml', line: i + 1, column: 1 }));

  it('annotates everything up to 10 of a kind', () => {
    const plan = planAnnotations([...errors(10), ...warnings(3)]);
    expect(plan.shown).toHaveLength(13);
    expect(plan.rest).toEqual({ errors: 0, warnings: 0 });
  });

  it('keeps the 10th place of a kind for the count of the rest', () => {
    const plan = planAnnotations([...errors(11), ...warnings(500)]);
    expect(plan.shown.filter((p) => p.severity === 'error')).toHaveLength(ANNOTATIONS_PER_KIND - 1);
    expect(plan.shown.filter((p) => p.severity === 'warning')).toHaveLength(ANNOTATIONS_PER_KIND - 1);
    expect(plan.rest).toEqual({ errors: 2, warnings: 491 });
  });
});
