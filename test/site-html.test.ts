/** The escaped-by-default HTML strings the high-volume pages are rendered with. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, join, safeUrl, SafeHtml } from '../src/site/html.ts';

describe('html', () => {
  it('escapes every interpolated value, in content and in attributes', () => {
    const name = `<script>alert("x")</script>&'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
    expect(escapeHtml('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
  });

  it('inserts nested html as it is, joins arrays and drops empty values', () => {
    const items = ['<a>', 'b'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>0');
    expect(html`${new SafeHtml('<br>')}`.value).toBe('<br>');
    expect(join([html`<b>1</b>`, '<2>'], '、').value).toBe('<b>1</b>、&lt;2&gt;');
  });

  it('lets only web addresses and site paths through as link targets', () => {
    expect(safeUrl('https://weibo.com/u/1')).toBe('https://weibo.com/u/1');
    expect(safeUrl('/units/x/')).toBe('/units/x/');
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl(' javascript:alert(1)')).toBe('#');
    expect(safeUrl('data:text/html,x')).toBe('#');
  });
});
