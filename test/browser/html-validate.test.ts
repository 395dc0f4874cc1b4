/**
 * Every page of the built site is valid HTML by html-validate's recommended rules: the sample
 * build of the global setup, and a build of the hostile registry
 * (test/fixtures/adversarial/hostile/data), whose texts are full of markup that must arrive as
 * text. A page where data broke out of its element or attribute fails here (unknown or
 * misnested elements, duplicate attributes, inline handlers and styles).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, type ConfigData, type Message } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';

/** html-validate's recommended preset, minus what does not fit a directory built from registry data. */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Wants U+2011 (non-breaking hyphen) in "0930-7121234". The number must stay as the unit
    // wrote it: with U+2011 a copied or searched number no longer matches, and a phone's dialler
    // rejects it. Wrapping is a layout matter (CSS), not the text's.
    'tel-non-breaking': 'off',
    // Titles are "page – site title": the site title and unit names are official names of up to
    // 100 characters each (schema limits) and are shown in full, not cut at 70 characters.
    'long-title': ['error', { maxlength: 300 }],
  },
};

/** Every HTML file of a build, relative path → text. */
function pages(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((file) => [path.relative(dir, file), readFileSync(file, 'utf8')]);
}

/** The problems html-validate finds on each page, as `page:line:column rule message`. */
async function validate(dir: string): Promise<{ count: number; problems: string[] }> {
  const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
  const problems: string[] = [];
  const all = pages(dir);
  for (const [rel, html] of all) {
    const report = await validator.validateString(html, rel);
    for (const result of report.results) {
      for (const m of result.messages as Message[]) problems.push(`${rel}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return { count: all.length, problems };
}

/** The hostile registry's build, shared with the safe-output test (test/browser/global-setup.ts). */
const hostileDir = () => inject('hostileDir');

describe('html-validate', () => {
  it('finds nothing on any page of the sample site', async () => {
    const { count, problems } = await validate(inject('siteDir'));
    expect(count).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });

  it('finds nothing on any page of the site built from the hostile registry', async () => {
    const { count, problems } = await validate(hostileDir());
    expect(count).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });

  it('does report markup that escaped from data (the validator is really checking)', async () => {
    const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
    const [, page] = pages(hostileDir()).find(([rel]) => rel === 'units/evil-unit/forum/index.html')!;
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;论坛');
    const broken = page
      .replace('&lt;script&gt;alert(1)&lt;/script&gt;论坛', '<script>alert(1)</script>论坛')
      .replace('&quot;&gt;&lt;img src=x onerror=alert(3)&gt;', '"><img src=x onerror=alert(3)>');
    const report = await validator.validateString(broken, 'broken.html');
    const rules = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    expect([...rules]).toEqual(expect.arrayContaining(['wcag/h37', 'attr-quotes']));
  });
});
