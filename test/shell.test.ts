/**
 * The bulk pages' frame (src/site/shell.ts): split at its markers and filled in, and its
 * Content-Security-Policy without the hashes of inline code the pages do not carry.
 */
import { describe, expect, it } from 'vitest';
import { Shell, SHELL, withoutInlineHashes } from '../src/site/shell.ts';

const POLICY =
  "default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-BF0290pkb3jxQsE7z00xR8Imp8X34FLC88L0lkMnrGw=' 'sha256-QzWFZi+FLIx23tnm9SBU4aEgx4x8DsuASP07mfqol/c='; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';";
const frame = (extra = '') =>
  `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${POLICY}"><title>${SHELL.title}</title></head><body>${extra}<main>${SHELL.body}</main><script type="module" src="/_astro/a.js"></script></body></html>`;

describe('withoutInlineHashes', () => {
  it('drops the hashes of a frame without inline script or style, keeping every directive', () => {
    const csp = /content="([^"]*)"/.exec(withoutInlineHashes(frame()))![1];
    expect(csp).toBe("default-src 'self';object-src 'none';script-src 'self' 'wasm-unsafe-eval';style-src 'self'");
  });

  it('keeps them when the frame has an inline script or style element', () => {
    for (const inline of ['<script>alert(1)</script>', '<script type="module">x()</script>', '<style>p{}</style>'])
      expect(withoutInlineHashes(frame(inline)), inline).toBe(frame(inline));
  });

  it('is what the shell fills in', () => {
    const page = new Shell(frame()).fill({ title: '<标题>', body: '<p>正文</p>' });
    expect(page).not.toContain('sha256-');
    expect(page).toContain('<title>&lt;标题&gt;</title>');
    expect(page).toContain('<main><p>正文</p></main>');
  });
});
