/**
 * The pipeline on fixtures, compared with golden HTML. After an intended change, regenerate
 * with `UPDATE=1 npx vitest run tests/build.test.ts` and review the diff.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGuides, checkGuides } from '../src/build.js';
import { repoRoot } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const fixtures = path.join(repoRoot, 'tests', 'fixtures');
const update = process.env.UPDATE === '1';

/** The part of the page that comes from the guide, without the theme CSS. */
function body(html: string): string {
  return html.slice(html.indexOf('<body'));
}

describe('golden HTML', () => {
  for (const name of ['bibtex-guide', 'golden']) {
    it(`${name}: both editions match`, async () => {
      const out = await tempDir();
      const report = await buildGuides({ paths: [path.join(fixtures, name)], outDir: out, htmlOnly: true });
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      for (const edition of ['student', 'teacher']) {
        const actual = body(await readFile(path.join(out, `${name}.${edition}.html`), 'utf8'));
        const expectedFile = path.join(fixtures, name, `expected.${edition}.html`);
        if (update) await writeFile(expectedFile, actual);
        expect(actual).toBe(await readFile(expectedFile, 'utf8'));
      }
    });
  }
});

describe('checkGuides', () => {
  it('finds every guide in a folder of guides', async () => {
    const dir = await tempDir({
      'a/guide.md': '# A\n\nText.\n',
      'b/index.md': '---\ntitle: B\n---\n\nText.\n',
      'not-a-guide/notes.txt': 'x',
    });
    const report = await checkGuides({ paths: [dir] });
    expect(report.guides.map((g) => [g.slug, g.title])).toEqual([['a', 'A'], ['b', 'B']]);
    expect(report.ok).toBe(true);
  });

  it('counts warnings as errors in strict mode', async () => {
    const dir = await tempDir({ 'guide.md': '# T\n\n## Timeline\n\nNo list here.\n' });
    expect((await checkGuides({ paths: [dir] })).ok).toBe(true);
    expect((await checkGuides({ paths: [dir], strict: true })).ok).toBe(false);
  });

  it('lists the golden fixtures it compares', async () => {
    expect((await readdir(path.join(fixtures, 'golden'))).sort()).toEqual(['expected.student.html', 'expected.teacher.html', 'guide.md', 'references.json']);
  });
});
