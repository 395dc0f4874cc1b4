/**
 * Comments name the file or test of this repository that holds a fact, never a document or a
 * ticket outside it: a reader of the repository can follow every reference. Checked on the comments
 * of the code (src/, scripts/, test/, bench/, the configuration files) and of the CI, workflow and
 * deployment files; this file's own patterns are not scanned.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixture.ts';

/** References to what is not in the repository: ticket numbers, the design notes kept beside it. */
const OUTSIDE = [/\bissues? ?#?\d+/i, /\bDESIGN(?:\.md\b| ?§)/, /\bREFERENCE\.md\b/, /\.\.\/shared\/[A-Z]/];

const SCANNED = ['src', 'scripts', 'test', 'bench', '.ci', '.github', 'deploy', 'astro.config.mjs', 'eslint.config.js', 'vitest.config.ts'];
const SELF = path.relative(REPO, import.meta.filename);

/** The comments of a file's text, by its name: `//` and block comments in code, `<!-- -->` in markup, `#` elsewhere. */
function commentsOf(file: string, text: string): string[] {
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => m[0]);
  if (/\.(?:[cm]?[jt]s|astro|css)$/.test(file)) {
    return [...all(/\/\*[\s\S]*?\*\//g), ...all(/(?<![:'"`\\\w])\/\/.*$/gm), ...(file.endsWith('.astro') ? all(/<!--[\s\S]*?-->/g) : [])];
  }
  if (/\.(?:md|html)$/.test(file)) return all(/<!--[\s\S]*?-->/g);
  return all(/(?:^|\s)#.*$/gm);
}

/** Every file under the scanned folders, relative to the repository. */
function files(): string[] {
  return SCANNED.filter((top) => existsSync(path.join(REPO, top))).flatMap((top) =>
    statSync(path.join(REPO, top)).isDirectory()
      ? readdirSync(path.join(REPO, top), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.relative(REPO, path.join(e.parentPath, e.name)))
      : [top],
  );
}

describe('comments', () => {
  it('recognises a reference to an outside document in each kind of comment', () => {
    const cited = (file: string, text: string) => commentsOf(file, text).filter((c) => OUTSIDE.some((re) => re.test(c)));
    expect(cited('a.ts', `/**\n * As issue ${12} says.\n */\nconst x = 1;`)).toHaveLength(1);
    expect(cited('a.ts', `const x = 1; // see ${'DESIGN'}.md`)).toHaveLength(1);
    expect(cited('a.astro', `<!-- ${'REFERENCE'}.md -->`)).toHaveLength(1);
    expect(cited('run', `set -e # ${'DESIGN'} §3`)).toHaveLength(1);
    // Not comments: a string with a URL, a value.
    expect(cited('a.ts', `const u = 'https://example.org/issues/${12}'; const v = "issue ${3}";`)).toEqual([]);
  });

  it('name files of the repository, not tickets or documents outside it', () => {
    const found: string[] = [];
    let scanned = 0;
    for (const file of files()) {
      if (file === SELF) continue;
      const bytes = readFileSync(path.join(REPO, file));
      if (bytes.includes(0)) continue;
      const comments = commentsOf(file, bytes.toString('utf8'));
      scanned += comments.length;
      for (const comment of comments) {
        const hit = OUTSIDE.find((re) => re.test(comment));
        if (hit) found.push(`${file}: ${comment.match(hit)![0]}`);
      }
    }
    expect(scanned).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });
});
