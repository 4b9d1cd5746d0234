/**
 * Cutting a guide into parts that parse alone as they do in the whole text
 * (src/sections-split.ts): the parts' trees, put together, must be the whole text's tree,
 * node for node and position for position, or a positioned message would point elsewhere.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { remarkDefinitionList } from 'remark-definition-list';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse.js';
import { splitParts } from '../src/sections-split.js';

const root = path.resolve(import.meta.dirname, '..');
const wholeParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkDefinitionList).freeze();
const cuts = (text: string) => splitParts(text).map((p) => p.line);

/** Each construct that must not be cut, with a heading after a blank line inside it. */
const uncuttable: Record<string, string> = {
  'a fenced code block': '# A\n\n```sh\nnpm i\n\n# a shell comment\n```\n',
  'a tilde fence with a longer closing fence': '# A\n\n~~~\nx\n\n# not a heading\n~~~~\n\n# B\n',
  'a container directive': '# A\n\n:::teacher\nNote.\n\n# Inside the note\n:::\n',
  'nested containers': '# A\n\n::::student\n:::teacher\nx\n:::\n\n# Still inside\n::::\n',
  'an HTML comment': '# A\n\n<!--\n\n# commented out\n-->\n',
  'a script or pre block': '# A\n\n<pre>\n\n# preformatted\n</pre>\n',
  'front matter with a YAML comment': '---\ntitle: T\n\n# a YAML comment\nlang: en\n---\n\nText.\n',
  'a fence left open to the end': '# A\n\n```\ncode\n\n# more code\n',
};

// Parsed without the disk cache: each tree here is the parser's own.
const savedCache = process.env.STUDYGUIDE_CACHE_DIR;
beforeAll(() => {
  process.env.STUDYGUIDE_CACHE_DIR = '';
});
afterAll(() => {
  if (savedCache === undefined) delete process.env.STUDYGUIDE_CACHE_DIR;
  else process.env.STUDYGUIDE_CACHE_DIR = savedCache;
});

describe('splitParts', () => {
  it('cuts before each heading that follows a blank line, and the parts make the text', () => {
    const text = '---\ntitle: T\n---\n\nIntro.\n\n# One\n\nText.\n## Not cut: no blank line before\n\n## Two\n\n- a list\n\n# Three\n';
    expect(cuts(text)).toEqual([1, 7, 12, 16]);
    const parts = splitParts(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    for (const p of parts) expect(text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
  });

  it.each(Object.entries(uncuttable))('does not cut inside %s', (_name, text) => {
    const inside = text.split('\n').findIndex((l) => /^# (?:a |commented|preformatted|Inside|Still|not|more)/.test(l)) + 1;
    expect(inside).toBeGreaterThan(0);
    expect(cuts(text)).not.toContain(inside);
  });

  it('cuts after a construct that is closed', () => {
    expect(cuts('# A\n\n```\n# code\n```\n\n# B\n')).toEqual([1, 7]);
    expect(cuts('# A\n\n:::teacher\nx\n:::\n\n# B\n')).toEqual([1, 7]);
    expect(cuts('# A\n\n<!-- one line -->\n\n# B\n')).toEqual([1, 5]);
    expect(cuts('# A\r\n\r\n```\r\n\r\n# code\r\n```\r\n\r\n# B\r\n')).toEqual([1, 8]);
  });

  it('does not cut a text with a definition another part could use, or with a byte-order mark', () => {
    expect(cuts('# A\n\nSee[^1].\n\n# B\n\n[^1]: The note.\n')).toEqual([1]);
    expect(cuts('# A\n\nSee [the site][s].\n\n# B\n\n[s]: https://example.org\n')).toEqual([1]);
    expect(cuts('\uFEFF# A\n\nx\n\n# B\n')).toEqual([1]);
  });
});

describe('parseMarkdown in parts', () => {
  const same = (text: string) => expect(JSON.parse(JSON.stringify(parseMarkdown(text)))).toStrictEqual(JSON.parse(JSON.stringify(wholeParser.parse(text))));

  it('gives the whole text’s tree for the tricky cases', () => {
    for (const text of Object.values(uncuttable)) same(`${text}\n# After\n\nText *here*.\n`);
    same('Intro\n\n# A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n# B\n\n> quote\n\n# C\n\nTerm\n: definition\n\n# D\r\n\r\nCRLF text\r\n');
    same('');
    same('# Only a heading');
  });

  it('gives the whole text’s tree for every Markdown file in the repository', async () => {
    const files = ['README.md', 'content/soviet-nato-1954/guide.md', 'docs/architecture.md', 'docs/performance.md', 'scaffold/guide/guide.md'];
    let cut = 0;
    for (const file of files) {
      const text = await readFile(path.join(root, file), 'utf8');
      if (splitParts(text).length > 1) cut += 1;
      same(text);
    }
    expect(cut).toBeGreaterThanOrEqual(3);
  });
});
