/**
 * Formatted citations kept on disk between runs (src/references/disk-cache.ts): a new process
 * with the same guide reads them instead of starting citeproc-js; anything they depend on
 * changed, and they are formatted again. Damaged or unwritable caches never fail a build.
 * (Parsed guides, the cache's other use, are tested with the parser: tests/parse.test.ts.)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/citations.js';
import { Reporter } from '../../src/diagnostics.js';
import { cacheDir } from '../../src/references/disk-cache.js';
import { clearCitationCache, formatEditionCitations, loadCsl } from '../../src/references/format.js';
import { parseLibrary } from '../../src/references/index.js';
import { resolveStyle } from '../../src/references/styles.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

// Citations are formatted here without the build, which loads the CSL processor itself.
beforeAll(loadCsl);

const refs = `- id: kramer2009
  type: article-journal
  title: The Myth of a No-NATO-Enlargement Pledge to Russia
  author: [{family: Kramer, given: Mark}]
  container-title: The Washington Quarterly
  issued: {date-parts: [[2009]]}
`;
const library = parseLibrary('/g/refs.yaml', refs, new Reporter('/g/refs.yaml'));
const cite = (locator: string): Cluster[] => [{ id: 0, items: [{ key: 'kramer2009', suppressAuthor: false, locator, label: 'page' }], narrative: false, position: { line: 1, column: 1 }, section: '', teacherOnly: false, studentOnly: false }];
const entries = async (dir: string) => (await readdir(path.join(dir, 'citations')).catch(() => [])).filter((n) => n.endsWith('.json'));

describe('citation cache on disk', () => {
  const saved = process.env.STUDYGUIDE_CACHE_DIR;
  afterEach(() => {
    process.env.STUDYGUIDE_CACHE_DIR = saved;
    clearCitationCache();
  });

  it('is read by the next run, keyed by everything the citations depend on', async () => {
    const dir = await tempDir();
    process.env.STUDYGUIDE_CACHE_DIR = dir;
    const apa = resolveStyle('apa', '/g');
    const first = formatEditionCitations(library, cite('40'), 'student', 'en', apa);
    expect(first.clusters[0]).toContain('p. 40');
    const [entry] = await entries(dir);
    expect(entry).toBeDefined();

    // As a new process would: nothing in memory. The entry on disk is what comes back (it is
    // altered here to prove that it was read, not formatted again).
    clearCitationCache();
    const file = path.join(dir, 'citations', entry as string);
    await writeFile(file, (await readFile(file, 'utf8')).replace('p. 40', 'p. 40 (from the cache)'));
    expect(formatEditionCitations(library, cite('40'), 'student', 'en', apa).clusters[0]).toContain('p. 40 (from the cache)');

    // Another locator, language or style: other entries.
    clearCitationCache();
    expect(formatEditionCitations(library, cite('41'), 'student', 'en', apa).clusters[0]).toContain('p. 41');
    expect(formatEditionCitations(library, cite('40'), 'student', 'de', apa).clusters[0]).toContain('S. 40');
    expect(formatEditionCitations(library, cite('40'), 'student', 'en', resolveStyle('chicago', '/g')).clusters[0]).toBe('(Kramer 2009, 40)');
    expect(await entries(dir)).toHaveLength(4);

    // A damaged entry is formatted again (and replaced).
    clearCitationCache();
    await writeFile(file, '{"clusters": 5');
    expect(formatEditionCitations(library, cite('40'), 'student', 'en', apa).clusters[0]).toBe(first.clusters[0]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ bibliography: [{ id: 'kramer2009' }] });
  });

  it('can be turned off, and a folder that cannot be written fails nothing', async () => {
    process.env.STUDYGUIDE_CACHE_DIR = '';
    expect(cacheDir()).toBeUndefined();
    // A folder inside a file cannot be made, even by root.
    const dir = await tempDir({ 'a-file': 'not a folder' });
    process.env.STUDYGUIDE_CACHE_DIR = path.join(dir, 'a-file', 'cache');
    expect(formatEditionCitations(library, cite('7'), 'teacher', 'en', resolveStyle('apa', '/g')).clusters[0]).toContain('p. 7');
  });

  it('gives a new process the same PDFs with the citations from the cache', async () => {
    const dir = await tempDir({ 'g/guide.md': '---\ntitle: Cached\nlang: en\ndate: 2026-01-01\nreferences: refs.yaml\n---\n\nAs argued [@kramer2009, p. 40].\n', 'g/refs.yaml': refs });
    const cache = path.join(dir, 'cache');
    const build = async (out: string) => {
      const r = await runCli(['build', path.join(dir, 'g'), '--out', path.join(dir, out), '--edition', 'student'], { env: { STUDYGUIDE_CACHE_DIR: cache } });
      expect(r.code, r.stderr).toBe(0);
      return readFile(path.join(dir, out, 'g.student.pdf'));
    };
    const first = await build('a');
    expect(await entries(cache)).toHaveLength(1);
    // The guide's parsed text is kept too (src/parse.ts): the second build parses nothing.
    expect(await readdir(path.join(cache, 'parsed'))).toHaveLength(1);
    const second = await build('b');
    expect(second.equals(first)).toBe(true);
    expect(await entries(cache)).toHaveLength(1);
    expect(await readdir(path.join(cache, 'parsed'))).toHaveLength(1);
  });
});
