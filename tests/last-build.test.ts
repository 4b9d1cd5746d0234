/**
 * Building again in a new process (src/last-build.ts): an edition whose inputs did not change
 * since the last build into the same folder is kept, not printed again, when the same
 * studyguide, fonts and browser would print it; anything else prints it. The command line as a
 * process, real Chromium.
 */
import { mkdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser/find.js';
import { Printer } from '../src/browser/printer.js';
import { runCli } from './helpers/cli.js';
import { guideWithMapAndNote as guide, png } from './helpers/guides.js';
import { tempDir } from './helpers/tmp.js';

describe('a build in a new process', () => {
  it('keeps the PDFs of editions that did not change, and prints those that did', async () => {
    const dir = await tempDir({ 'g/guide.md': guide, 'g/map.png': png('red') });
    const out = path.join(dir, 'out');
    const cache = path.join(dir, 'cache');
    const pdf = (edition: string) => path.join(out, `g.${edition}.pdf`);
    const build = async (extra: string[] = [], env: NodeJS.ProcessEnv = { STUDYGUIDE_CACHE_DIR: cache }) => {
      const r = await runCli(['build', path.join(dir, 'g'), '--out', out, ...extra], { env });
      expect(r.code, r.stderr).toBe(0);
      const kept = (edition: string) => new RegExp(`g\\.${edition}\\.pdf \\(\\d+ pages?, unchanged, not printed again\\)`).test(r.stderr);
      return { student: !kept('student'), teacher: !kept('teacher'), stderr: r.stderr };
    };
    const mtimes = async () => Promise.all(['student', 'teacher'].map(async (e) => (await stat(pdf(e))).mtimeMs));

    // --verbose says why each edition was printed.
    expect((await build(['-v'])).stderr).toMatch(/g\.student\.pdf \(1 page, printed once[^;]*; not built into this folder before, /);
    const first = await mtimes();
    const bytes = await readFile(pdf('teacher'));
    const again = await build();
    expect(again).toMatchObject({ student: false, teacher: false });
    expect(again.stderr).toContain('2 PDFs were unchanged since the last build and kept; --force prints them again');
    expect(await mtimes()).toEqual(first);
    // The JSON report says which outputs were kept.
    const json = await runCli(['build', path.join(dir, 'g'), '--out', out, '--json'], { env: { STUDYGUIDE_CACHE_DIR: cache } });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, guides: [{ outputs: [pdf('student'), pdf('teacher')], kept: [pdf('student'), pdf('teacher')] }] });

    // Files with other times but the same contents (a fresh checkout, a CI cache restored with
    // times to the second): still kept. The same size with other contents: printed again.
    const past = new Date('2026-01-02T03:04:05Z');
    for (const e of ['student', 'teacher']) await utimes(pdf(e), past, past);
    await utimes(path.join(dir, 'g', 'map.png'), past, past);
    expect(await build()).toMatchObject({ student: false, teacher: false });
    const map = await readFile(path.join(dir, 'g', 'map.png'));
    await writeFile(path.join(dir, 'g', 'map.png'), Buffer.from(map.map((b, i) => (i === map.length - 20 ? b ^ 1 : b))));
    expect(await build()).toMatchObject({ student: true, teacher: true });

    // --force prints them all the same, and the same guide gives the same bytes.
    expect(await build(['--force'])).toMatchObject({ student: true, teacher: true });
    expect((await readFile(pdf('teacher'))).equals(bytes)).toBe(true);

    // An edit inside the teacher's note: only the teacher edition is printed.
    await writeFile(path.join(dir, 'g', 'guide.md'), guide.replace('A note for teachers only.', 'A changed note.'));
    const edited = await build(['-v']);
    expect(edited).toMatchObject({ student: false, teacher: true });
    expect(edited.stderr).toMatch(/g\.teacher\.pdf \([^)]*; content changed, /);

    // A PDF replaced since: printed again.
    await writeFile(pdf('student'), 'not the PDF studyguide wrote');
    const replaced = await build(['-v']);
    expect(replaced).toMatchObject({ student: true, teacher: false });
    expect(replaced.stderr).toMatch(/g\.student\.pdf \([^)]*; its files were changed or removed, /);

    // Another browser (here the same one under another path) might print otherwise: printed again.
    const found = await findBrowser();
    const other = path.join(dir, 'bin', path.basename(found.executablePath));
    await mkdir(path.dirname(other));
    await symlink(found.executablePath, other);
    const otherBrowser = await build(['--browser', other, '-v']);
    expect(otherBrowser).toMatchObject({ student: true, teacher: true });
    expect(otherBrowser.stderr).toContain('; studyguide, its fonts or the browser changed, ');
    expect(await build(['--browser', other])).toMatchObject({ student: false, teacher: false });

    // Other settings: printed again. With the cache off, nothing is known: printed again.
    expect(await build(['--browser', other, '--paper', 'letter'])).toMatchObject({ student: true, teacher: true });
    expect(await build(['--browser', other, '--paper', 'letter'], { STUDYGUIDE_CACHE_DIR: '' })).toMatchObject({ student: true, teacher: true });
  }, 120_000);

  it('starts no browser when every PDF will be kept, and still prints when that guess is wrong', async () => {
    const dir = await tempDir({ 'g/guide.md': guide, 'g/map.png': png('blue') });
    const out = path.join(dir, 'out');
    const build = async (...extra: string[]) => {
      const r = await runCli(['build', path.join(dir, 'g'), '--out', out, '-v', ...extra], { env: { STUDYGUIDE_CACHE_DIR: path.join(dir, 'cache') } });
      expect(r.code, r.stderr).toBe(0);
      return { browser: /^browser: /m.test(r.stderr), printed: (r.stderr.match(/printed once|printed twice|printed \d+ times/g) ?? []).length };
    };
    expect(await build()).toEqual({ browser: true, printed: 2 });
    // Nothing changed: the browser is not even started.
    expect(await build()).toEqual({ browser: false, printed: 0 });
    // A file of the guide's folder touched: the browser is started ahead of time, the PDFs are kept all the same, and the next run knows.
    const now = new Date();
    await utimes(path.join(dir, 'g', 'map.png'), now, now);
    expect(await build()).toEqual({ browser: true, printed: 0 });
    expect(await build()).toEqual({ browser: false, printed: 0 });
    // A change the guess cannot see (a setting on the command line): the browser starts for the first print.
    expect(await build('--paper', 'letter')).toEqual({ browser: true, printed: 2 });
    // --force starts it at once.
    expect((await build('--paper', 'letter', '--force')).browser).toBe(true);
  }, 120_000);

  it('refuses --force for check', async () => {
    const dir = await tempDir({ 'g/guide.md': guide });
    const r = await runCli(['check', path.join(dir, 'g'), '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force is an option of build, not of check');
  });
});

describe('Printer.identity', () => {
  it('names the browser by its path, size and time, and no remote browser', async () => {
    const found = await findBrowser();
    const identity = await new Printer({ browser: found.executablePath }).identity();
    expect(identity).toContain(JSON.stringify(found.executablePath));
    expect(await new Printer({ browser: found.executablePath }).identity()).toBe(identity);
    expect(await new Printer({ browserWSEndpoint: 'ws://127.0.0.1:9/devtools/browser/x' }).identity()).toBeUndefined();
    expect(await new Printer({ browser: '/nonexistent/chrome' }).identity()).toBeUndefined();
    // A browser not found is looked for again next time (one may have been installed meanwhile).
    const env: NodeJS.ProcessEnv = { STUDYGUIDE_BROWSER: '/nonexistent/chrome' };
    const later = new Printer({ env, systemCandidates: [] });
    expect(await later.identity()).toBeUndefined();
    env.STUDYGUIDE_BROWSER = found.executablePath;
    expect(await later.identity()).toBe(identity);
  });
});
