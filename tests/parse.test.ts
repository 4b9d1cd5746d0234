/**
 * Stage 1 (src/parse.ts): Markdown to mdast, and the parsed trees kept in the disk cache.
 * A tree read back must be the tree the parser makes, node for node and position for position:
 * every later stage, and every positioned message, works on it.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetParsedTrees, parseMarkdown } from '../src/parse.js';
import { tempDir } from './helpers/tmp.js';

const root = path.resolve(import.meta.dirname, '..');
const entries = async (dir: string) => (await readdir(path.join(dir, 'parsed')).catch(() => [])).filter((n) => n.endsWith('.json'));

/** Every construct studyguide reads: front matter, GFM, footnotes, definition lists, directives. */
const everything = `---
title: Every construct
lang: en
---

# Every construct

Text with *emphasis*, **strong**, ~~struck~~, \`code\`, a [link](https://example.org "title"),
an autolink www.example.org, a footnote[^n] and a citation [@key, p. 4].

[^n]: The note.

| Year | Event |
|:-----|------:|
| 1954 | Note  |

- [x] done
- [ ] open

Term
: Its definition.

:::teacher
A note for the teacher.
:::

::claim[A claim]{source=key}

\`\`\`text
a code block
\`\`\`

<div>raw html</div>
`;

describe('parseMarkdown', () => {
  const saved = process.env.STUDYGUIDE_CACHE_DIR;
  // Each test starts as a new process would: nothing parsed in memory.
  beforeEach(forgetParsedTrees);
  afterEach(() => {
    process.env.STUDYGUIDE_CACHE_DIR = saved;
  });

  it('makes trees that are plain data, the same after a trip through JSON', async () => {
    process.env.STUDYGUIDE_CACHE_DIR = '';
    const guides = [everything, await readFile(path.join(root, 'content', 'soviet-nato-1954', 'guide.md'), 'utf8')];
    for (const text of guides) {
      const tree = parseMarkdown(text);
      expect(tree.children.length).toBeGreaterThan(5);
      expect(isDeepStrictEqual(JSON.parse(JSON.stringify(tree)), tree)).toBe(true);
    }
    // The constructs are there to be compared, not lost at the parser.
    const types = JSON.stringify(parseMarkdown(everything));
    for (const type of ['yaml', 'footnoteDefinition', 'table', 'defList', 'containerDirective', 'leafDirective', 'html', 'delete']) expect(types).toContain(`"type":"${type}"`);
  });

  it('keeps each parsed text on disk, and reads it back for the same text', async () => {
    const dir = await tempDir();
    process.env.STUDYGUIDE_CACHE_DIR = dir;
    const parsed = parseMarkdown(everything);
    const [entry] = await entries(dir);
    expect(entry).toBeDefined();
    process.env.STUDYGUIDE_CACHE_DIR = '';
    forgetParsedTrees();
    const fresh = parseMarkdown(everything);
    expect(parsed).toStrictEqual(fresh);

    // As a new process would: the entry is what comes back (altered here to prove it was read).
    forgetParsedTrees();
    process.env.STUDYGUIDE_CACHE_DIR = dir;
    const file = path.join(dir, 'parsed', entry as string);
    await writeFile(file, (await readFile(file, 'utf8')).replace('The note.', 'The note (from the cache).'));
    expect(JSON.stringify(parseMarkdown(everything))).toContain('The note (from the cache).');

    // Another text: another entry. Each call gives a tree of its own, free to be changed.
    const other = parseMarkdown(`${everything}\nOne more line.\n`);
    expect(JSON.stringify(other)).toContain('One more line.');
    expect(await entries(dir)).toHaveLength(2);
    expect(parseMarkdown(everything)).not.toBe(parseMarkdown(everything));
  });

  it('keeps a guide in parts, so that an edit to one section parses only that section', async () => {
    const dir = await tempDir();
    process.env.STUDYGUIDE_CACHE_DIR = dir;
    const guide = '---\ntitle: Parts\n---\n\nIntro.\n\n# One\n\nFirst section.\n\n# Two\n\nSecond section, *emphasis*.\n\n# Three\n\n- a\n- list\n';
    const first = parseMarkdown(guide);
    expect(await entries(dir)).toHaveLength(4);
    const edited = guide.replace('Second section', 'The second section');
    forgetParsedTrees();
    const tree = parseMarkdown(edited);
    expect(await entries(dir)).toHaveLength(5);
    // The tree of the edited guide, positions and all, is the one the parser gives for the whole text.
    process.env.STUDYGUIDE_CACHE_DIR = '';
    expect(tree).not.toStrictEqual(first);
    expect(tree.children.map((n) => n.position?.start.line)).toEqual([1, 5, 7, 9, 11, 13, 15, 17]);
    expect(JSON.stringify(tree)).toContain('The second section');
    expect(tree.position?.end).toEqual({ line: 19, column: 1, offset: edited.length });
  });

  it('parses again past a damaged entry, and replaces it', async () => {
    const dir = await tempDir();
    process.env.STUDYGUIDE_CACHE_DIR = dir;
    const first = parseMarkdown(everything);
    const [entry] = await entries(dir);
    const file = path.join(dir, 'parsed', entry as string);
    for (const damage of ['{"type": "root", "chil', '{"type": "paragraph", "children": []}', 'null']) {
      await writeFile(file, damage);
      forgetParsedTrees();
      expect(parseMarkdown(everything)).toStrictEqual(first);
      expect(JSON.parse(await readFile(file, 'utf8'))).toStrictEqual(first);
    }
  });

  it('works, and writes nothing, with the cache off or unwritable', async () => {
    process.env.STUDYGUIDE_CACHE_DIR = '';
    const expected = parseMarkdown(everything);
    const dir = await tempDir({ 'a-file': 'not a folder' });
    process.env.STUDYGUIDE_CACHE_DIR = path.join(dir, 'a-file', 'cache');
    expect(parseMarkdown(everything)).toStrictEqual(expected);
    expect(parseMarkdown('')).toStrictEqual({ type: 'root', children: [], position: expect.anything() as unknown });
  });
});
