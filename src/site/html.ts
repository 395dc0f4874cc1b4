/**
 * HTML built as strings, escaped by default. The pages that a build renders once per account
 * (the bulk routes: account, filing form, poster, verify shards; src/site/render/) are written
 * with this instead of Astro markup: Astro spends tens of microseconds on every expression it
 * renders, which made a 100k-account build several times slower than Astro's own floor; one
 * string per page part costs one expression. Every interpolated value is escaped unless it is already `SafeHtml`
 * (the result of `html`), so data can only ever appear as text.
 */

/** HTML that is safe to insert as it is. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A value as HTML: `SafeHtml` as it is, arrays joined, nothing for null/undefined/false, anything else escaped. */
function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` with every value escaped (see `render`). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Joins parts with a separator (the separator is text, escaped). */
export function join(parts: readonly unknown[], separator: string): SafeHtml {
  return new SafeHtml(parts.map(render).join(escapeHtml(separator)));
}

/**
 * A link target from the data: only http(s) addresses and site paths pass (the validator
 * already rejects anything else in the fields that hold links); anything else becomes `#`.
 */
export function safeUrl(url: string): string {
  return /^(https?:\/\/|\/)/i.test(url) ? url : '#';
}
