/**
 * `npm run docs [-- --check]`: regenerates the parts of the clerks' guide and of the impostor
 * report form that come from code and data, so they never drift: the meaning and fix of every
 * validator rule (src/lib/rules/table.ts), the platform catalogue with its handle formats
 * (data/platforms.yaml), the account fields (the zod schema's Chinese titles) and the event types.
 *
 * Generated text sits between `BEGIN GENERATED: <name>` and `END GENERATED: <name>` markers
 * (HTML comments in Markdown, `#` comments in YAML); the rest of each file is written by hand.
 * `--check` writes nothing and exits 1 when a file is out of date (CI). Exit 2: usage problem.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { inlineString } from '../lib/format/scalar.ts';
import { fieldAt } from '../lib/load/schema-check.ts';
import type { Platform } from '../lib/schema/platforms.ts';
import { loadRegistry } from '../lib/registry.ts';
import { RULE_IDS, RULES } from '../lib/rules/table.ts';
import { AccountSchema, EVENT_TYPES, EventSchema } from '../lib/schema/account.ts';
import { type CommandIo, writeGenerated, readCheckOption } from './usage.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const USAGE = `用法：npm run docs -- [选项]

重新生成 CONTRIBUTING.md 和仿冒举报表单中由代码和数据生成的部分（规则说明、平台目录、字段说明）。

  --check     只检查是否最新，不写入；过期时退出码为 1（CI 使用）
  -h, --help  显示本帮助

退出码：0 已是最新（或已更新）；1 --check 发现过期；2 用法问题。`;

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Every rule: what it means and how to fix it. */
export function rulesSection(): string {
  const lines: string[] = [];
  for (const severity of ['error', 'warning'] as const) {
    lines.push(
      severity === 'error' ? '### 错误（必须改正，否则不能合并）' : '### 警告（合规记录，如实填写即可，不阻止合并；会出现在合规通报中）',
      '',
    );
    for (const id of RULE_IDS.filter((r) => RULES[r].severity === severity)) {
      lines.push(`#### \`${id}\` ${RULES[id].title}`, '', RULES[id].help, '');
    }
  }
  return lines.join('\n').trimEnd();
}

/** The platform catalogue: id, name, what the handle is and how it looks. */
export function platformsSection(platforms: readonly Platform[]): string {
  const rows = platforms.map(
    (p) =>
      `| \`${p.id}\` | ${cell(p.name)} | ${cell(p.handle_label)}：${cell(p.handle_hint)} | \`handle: ${cell(inlineString(p.handle_example, false))}\` | ${p.url_required ? '必填' : p.hosts.length ? '可不填' : '不填（写 null）'} |`,
  );
  return ['| platform | 平台 | handle（账号 ID） | 写法示例 | url（链接） |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Title and description of the fields of an object schema. */
function fieldRows(schema: z.ZodType, data: unknown, keys: readonly string[]): string[] {
  return keys.map((key) => {
    const { meta } = fieldAt(schema, [key], data);
    return `| \`${key}\` | ${cell(meta.title ?? '')} | ${cell(meta.description ?? '')} |`;
  });
}

/** The fields of an account file and of each lifecycle event. */
export function fieldsSection(): string {
  const account = ['| 字段 | 名称 | 说明 |', '| --- | --- | --- |', ...fieldRows(AccountSchema, {}, Object.keys(AccountSchema.shape))];
  const events = Object.entries(EVENT_TYPES).map(([type, name]) => {
    const option = EventSchema.options.find((o) => o.shape.type.value === type)!;
    const extra = Object.keys(option.shape).filter((k) => !['type', 'date', 'filed', 'note'].includes(k));
    return `| \`${type}\` | ${name} | ${extra.length ? extra.map((k) => `\`${k}\``).join('、') : '—'} |`;
  });
  const eventFields = ['date', 'filed', 'note', 'previous_name', 'previous_handle', 'previous_verified_as', 'notice_url', 'successor'];
  const eventRows = eventFields.map((key) => {
    const type = key.startsWith('previous') ? 'changed' : key === 'notice_url' || key === 'successor' ? 'suspended' : 'opened';
    return fieldRows(EventSchema, { type }, [key])[0]!;
  });
  return [
    '账号文件的字段：',
    '',
    ...account,
    '',
    '备案事项（events 中的每一行）的类型：',
    '',
    '| type | 事项 | 除 date、filed、note 外还可以写 |',
    '| --- | --- | --- |',
    ...events,
    '',
    '备案事项的字段：',
    '',
    '| 字段 | 名称 | 说明 |',
    '| --- | --- | --- |',
    ...eventRows,
  ].join('\n');
}

/** The platform options of the impostor report form (YAML list items). */
export function formPlatformOptions(platforms: readonly Platform[]): string {
  return [...platforms.map((p) => `        - ${p.name}`), '        - 其他平台'].join('\n');
}

/** One generated file: its path and the content of each marked section. */
export interface Target {
  file: string;
  comment: 'html' | 'yaml';
  sections: Record<string, string>;
}

/** Everything generated, from the rule table, the schemas and the data in `dataDir`. */
export function targets(dataDir = path.join(ROOT, 'data')): Target[] {
  const { registry } = loadRegistry(dataDir, { asOf: '2000-01-01' });
  if (!registry) throw new Error(`${dataDir}：site.yaml、policy.yaml 或 platforms.yaml 有错误，无法生成文档。`);
  return [
    {
      file: 'CONTRIBUTING.md',
      comment: 'html',
      sections: { rules: rulesSection(), platforms: platformsSection(registry.platforms), fields: fieldsSection() },
    },
    {
      file: '.github/ISSUE_TEMPLATE/impostor-report.yml',
      comment: 'yaml',
      sections: { platforms: formPlatformOptions(registry.platforms) },
    },
  ];
}

/** Replaces the text between each section's markers; fails when a marker is missing. */
export function applySections(text: string, target: Target): string {
  let out = text;
  for (const [name, content] of Object.entries(target.sections)) {
    const [open, close] =
      target.comment === 'html'
        ? [`<!-- BEGIN GENERATED: ${name}（npm run docs 生成，请勿手工修改） -->`, `<!-- END GENERATED: ${name} -->`]
        : [`# BEGIN GENERATED: ${name}（npm run docs 生成，请勿手工修改）`, `# END GENERATED: ${name}`];
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start === -1 || end === -1 || end < start) throw new Error(`${target.file} 中缺少标记 ${open} … ${close}`);
    const indent = target.comment === 'yaml' ? out.slice(out.lastIndexOf('\n', end) + 1, end) : '';
    out = `${out.slice(0, start + open.length)}\n${content}\n${indent}${out.slice(end)}`;
  }
  return out;
}

/** Runs the generator; returns the exit code. */
export function runDocs(argv: string[], io: CommandIo): number {
  const options = readCheckOption(argv, USAGE, io);
  if (typeof options === 'number') return options;
  const files = targets().map((target) => {
    const file = path.join(ROOT, target.file);
    return { path: file, display: target.file, text: applySections(readFileSync(file, 'utf8'), target) };
  });
  return writeGenerated(
    files,
    { check: options.check, fix: 'npm run docs', what: '填报指南和仿冒举报表单中自动生成的部分（规则表、平台目录、字段说明）' },
    io,
  );
}
