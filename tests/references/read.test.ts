/**
 * References files read once and kept in the disk cache (src/references/read.ts): the next run
 * with the same text takes the entries from the cache, and still checks them; a file with a
 * syntax error, or values JSON cannot carry, is read anew each time.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { loadLibrary } from '../../src/references/index.js';
import { twoReferences } from '../helpers/guides.js';
import { tempDir } from '../helpers/tmp.js';

const yaml = twoReferences;

const bib = `@book{sarotte2021,
  author = {Sarotte, M. E.},
  title = {Not One Inch},
  publisher = {Yale University Press},
  year = 2021,
}
`;

const cached = async (dir: string) => (await readdir(path.join(dir, 'references')).catch(() => [])).filter((n) => n.endsWith('.json'));

/** Each load under a folder of its own: the copy this process keeps by file name is not what is tested. */
async function load(name: string, text: string) {
  const dir = await tempDir({ [name]: text });
  const { library, reporter } = await loadLibrary(path.join(dir, name));
  return { library, messages: reporter.diagnostics.map((d) => formatDiagnostic(d, dir)) };
}

describe('references files in the disk cache', () => {
  const saved = process.env.STUDYGUIDE_CACHE_DIR;
  afterEach(() => {
    process.env.STUDYGUIDE_CACHE_DIR = saved;
  });

  it.each([
    ['refs.yaml', yaml],
    ['refs.bib', bib],
    ['refs.json', JSON.stringify([{ id: 'sarotte2021', type: 'book', title: 'Not One Inch', author: [{ family: 'Sarotte', given: 'M. E.' }], publisher: 'Yale University Press', issued: { 'date-parts': [[2021]] } }], null, 2)],
  ])('%s is read from the cache by the next run, with the same entries and lines', async (name, text) => {
    const cache = await tempDir();
    process.env.STUDYGUIDE_CACHE_DIR = cache;
    const first = await load(name, text);
    const [entry] = await cached(cache);
    expect(entry).toBeDefined();
    const again = await load(name, text);
    expect(again.library.entries).toEqual(first.library.entries);
    expect(again.messages).toEqual(first.messages);
    expect(first.library.entries.get('sarotte2021')?.position?.line).toBeGreaterThan(0);

    // Proof that it was the cache: an entry altered on disk comes back altered.
    const file = path.join(cache, 'references', entry as string);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Not One Inch', 'Not One Inch (from the cache)'));
    expect((await load(name, text)).library.entries.get('sarotte2021')?.csl.title).toBe('Not One Inch (from the cache)');

    // Another text is another entry; a damaged entry is read anew (and replaced).
    await load(name, text.replace('2021', '2022'));
    expect(await cached(cache)).toHaveLength(2);
    await writeFile(file, '[{"key": 5');
    expect((await load(name, text)).library.entries.get('sarotte2021')?.csl.title).toBe('Not One Inch');
  });

  it('checks entries from the cache as it checks new ones', async () => {
    process.env.STUDYGUIDE_CACHE_DIR = await tempDir();
    const twice = `${yaml}- id: kramer2009\n  type: book\n  title: Again\n`;
    const first = await load('refs.yaml', twice);
    const again = await load('refs.yaml', twice);
    expect(first.messages.some((m) => /refs\.yaml:15:\d+: duplicate citation key "kramer2009"/.test(m))).toBe(true);
    expect(again.messages).toEqual(first.messages);
  });

  it('reads a file with a syntax error anew each time, and keeps values JSON cannot carry out', async () => {
    const cache = await tempDir();
    process.env.STUDYGUIDE_CACHE_DIR = cache;
    const broken = await load('refs.yaml', `${yaml}- id: [unclosed\n`);
    expect(broken.messages.join('\n')).toMatch(/refs\.yaml:\d+:\d+: references file is not valid YAML/);
    expect(await cached(cache)).toHaveLength(0);
    // `.inf` is a number in YAML and null in JSON.
    const infinite = `${yaml}  volume: .inf\n`;
    expect((await load('refs.yaml', infinite)).library.entries.get('sarotte2021')?.csl.volume).toBe(Infinity);
    expect(await cached(cache)).toHaveLength(0);
    expect((await load('refs.yaml', infinite)).library.entries.get('sarotte2021')?.csl.volume).toBe(Infinity);
  });

  it('reads every time when the cache is off', async () => {
    process.env.STUDYGUIDE_CACHE_DIR = '';
    expect((await load('refs.yaml', yaml)).library.entries.size).toBe(2);
  });
});
