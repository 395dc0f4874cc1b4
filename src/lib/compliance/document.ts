/**
 * A small document model for the reports (headings, paragraphs, lists, tables) and its two
 * renderings: Markdown, and a standalone HTML page that prints cleanly on A4 (print stylesheet,
 * repeated table headers, no rows split across pages). Every value is escaped.
 */

export type Block =
  | { readonly type: 'h2' | 'h3'; readonly text: string }
  | { readonly type: 'p'; readonly text: string }
  | { readonly type: 'list'; readonly items: readonly string[] }
  | {
      readonly type: 'table';
      readonly caption?: string;
      readonly head: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns aligned right (numbers). */
      readonly numeric?: readonly number[];
      /** Column widths in percent (printed layout; Markdown ignores them). */
      readonly widths?: readonly number[];
    };

export interface ReportDocument {
  /** Title (the 通报's heading). */
  readonly title: string;
  /** Line under the title: period, date, issuer. */
  readonly subtitle: string;
  readonly blocks: readonly Block[];
  /** Closing line (source, rules). */
  readonly footer: string;
  /** Whether the data is sample data (printed as a warning). */
  readonly sample: boolean;
}

const SAMPLE_NOTE = '注意：本名录为示例数据，单位为真实的乡镇和部门，账号均为虚构，本通报仅作演示。';

/** A Markdown table cell: one line, pipes escaped. */
function mdCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim() || ' ';
}

/** Renders a report as Markdown (GitHub flavour). */
export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${doc.title}`, '', doc.subtitle, ''];
  if (doc.sample) out.push(`> ${SAMPLE_NOTE}`, '');
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'h2':
        out.push(`## ${block.text}`, '');
        break;
      case 'h3':
        out.push(`### ${block.text}`, '');
        break;
      case 'p':
        out.push(block.text, '');
        break;
      case 'list':
        out.push(...block.items.map((item) => `- ${item}`), '');
        break;
      case 'table': {
        if (block.caption) out.push(`**${block.caption}**`, '');
        out.push(`| ${block.head.map(mdCell).join(' | ')} |`);
        out.push(`| ${block.head.map((_, i) => (block.numeric?.includes(i) ? '---:' : '---')).join(' | ')} |`);
        for (const row of block.rows) out.push(`| ${row.map(mdCell).join(' | ')} |`);
        out.push('');
        break;
      }
    }
  }
  out.push('---', '', doc.footer, '');
  return out.join('\n');
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The print-ready stylesheet of the HTML report (A4, official-document typography). */
export const REPORT_CSS = `
@page { size: A4; margin: 20mm 16mm 18mm; }
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 180mm; padding: 8mm 4mm; color: #000; background: #fff;
  font-family: 'FangSong', 'STFangsong', '仿宋', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun', serif;
  font-size: 12pt; line-height: 1.6; }
h1, h2, h3, caption, th { font-family: 'SimHei', 'Heiti SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; letter-spacing: 0.05em; }
.subtitle { text-align: center; margin: 0 0 12pt; text-indent: 0; }
.sample { border: 1px solid #000; padding: 4pt 8pt; margin: 0 0 12pt; text-indent: 0; }
h2 { font-size: 14pt; margin: 14pt 0 6pt; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; text-indent: 2em; }
ul { margin: 0 0 6pt; padding-left: 2em; }
table { width: 100%; border-collapse: collapse; margin: 0 0 10pt; font-size: 10.5pt; }
table.fixed { table-layout: fixed; }
caption { text-align: left; font-weight: bold; padding: 0 0 3pt; }
th, td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 16pt; border-top: 0.75pt solid #000; padding-top: 4pt; font-size: 10pt; }
@media screen { body { padding: 16px; } }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/** Renders a report as a standalone HTML page (inline stylesheet, no scripts, nothing remote). */
export function renderHtml(doc: ReportDocument): string {
  const e = escapeHtml;
  const body: string[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'h2':
      case 'h3':
        body.push(`<${block.type}>${e(block.text)}</${block.type}>`);
        break;
      case 'p':
        body.push(`<p>${e(block.text)}</p>`);
        break;
      case 'list':
        body.push(`<ul>${block.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`);
        break;
      case 'table': {
        const cls = (i: number) => (block.numeric?.includes(i) ? ' class="num"' : '');
        body.push(
          (block.widths ? '<table class="fixed">' : '<table>') +
            (block.caption ? `<caption>${e(block.caption)}</caption>` : '') +
            (block.widths ? `<colgroup>${block.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '') +
            `<thead><tr>${block.head.map((h, i) => `<th scope="col"${cls(i)}>${e(h)}</th>`).join('')}</tr></thead>` +
            `<tbody>${block.rows.map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${e(c)}</td>`).join('')}</tr>`).join('\n')}</tbody>` +
            '</table>',
        );
        break;
      }
    }
  }
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${e(doc.title)}</h1>
<p class="subtitle">${e(doc.subtitle)}</p>
${doc.sample ? `<p class="sample" role="note">${e(SAMPLE_NOTE)}</p>\n` : ''}${body.join('\n')}
<footer>${e(doc.footer)}</footer>
</body>
</html>
`;
}
