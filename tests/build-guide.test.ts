/**
 * Rebuilding in one process (watch mode, the API with one printer): an edition whose HTML,
 * settings and loaded files are those of the last build, with its output files as that build
 * left them, is not printed again; any change to one of them prints it again. Real Chromium.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGuides, type BuildEvent } from '../src/build.js';
import { Printer } from '../src/browser/printer.js';
import { readPdf } from './helpers/pdf.js';
import { guideWithMapAndNote as guide, png } from './helpers/guides.js';
import { tempDir } from './helpers/tmp.js';

describe('rebuilding what changed', () => {
  const printer = new Printer({ timeoutMs: 30_000 });
  afterAll(() => printer.close());

  it('leaves an edition alone when nothing that goes into it changed, and prints it again when something did', async () => {
    const dir = await tempDir({ 'g/guide.md': guide, 'g/map.png': png('red') });
    const out = path.join(dir, 'out');
    const pdf = (edition: string) => path.join(out, `g.${edition}.pdf`);
    const build = async (extra: { duplex?: boolean } = {}) => {
      const events: BuildEvent[] = [];
      const report = await buildGuides({ paths: [path.join(dir, 'g')], outDir: out, printer, html: true, onEvent: (e) => events.push(e), ...extra });
      expect(report.ok, JSON.stringify(report.diagnostics)).toBe(true);
      expect(report.guides[0]?.outputs.map((f) => path.basename(f))).toEqual(['g.student.html', 'g.student.pdf', 'g.teacher.html', 'g.teacher.pdf']);
      const printed = (edition: string) => events.some((e) => e.type === 'output' && e.format === 'pdf' && e.edition === edition && !e.unchanged);
      return { student: printed('student'), teacher: printed('teacher') };
    };
    const mtimes = async () => Promise.all(['student', 'teacher'].map(async (e) => (await stat(pdf(e))).mtimeMs));

    expect(await build()).toEqual({ student: true, teacher: true });
    const first = await mtimes();
    expect(await build()).toEqual({ student: false, teacher: false });
    expect(await mtimes()).toEqual(first);

    // An edit inside the teacher's note: only the teacher edition is printed.
    await writeFile(path.join(dir, 'g', 'guide.md'), guide.replace('A note for teachers only.', 'A changed note for teachers only.'));
    expect(await build()).toEqual({ student: false, teacher: true });
    expect((await readPdf(pdf('teacher'))).text).toContain('A changed note');

    // The same HTML, but the image it loads is another: both are printed.
    await writeFile(path.join(dir, 'g', 'map.png'), png('blue'));
    expect(await build()).toEqual({ student: true, teacher: true });

    // An output file removed (or replaced) since: printed again.
    await rm(pdf('student'));
    expect(await build()).toEqual({ student: true, teacher: false });
    await writeFile(pdf('teacher'), 'not the PDF we wrote');
    expect(await build()).toEqual({ student: false, teacher: true });
    expect((await readFile(pdf('teacher'))).subarray(0, 5).toString()).toBe('%PDF-');

    // Other settings, other files: printed again.
    expect(await build({ duplex: true })).toEqual({ student: true, teacher: true });
  });
});
