/**
 * Duplex padding and 2-up booklets, on real PDFs read back with pdf.js: page counts, which
 * page lands on which half of which side, sheet sizes, and the metadata the booklet keeps.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildGuides } from '../../src/build.js';
import { bookletOrder, makeBooklet, padToEven } from '../../src/pdf/booklet.js';
import { runCli } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import { textRuns } from '../helpers/pdf-fonts.js';
import { tempDir } from '../helpers/tmp.js';

/** A PDF of `count` pages of `size`, each saying "PAGE-n" in its middle. */
async function numberedPdf(count: number, size: [number, number] = [595.28, 841.89]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= count; n++) doc.addPage(size).drawText(`PAGE-${n}`, { x: size[0] / 2 - 30, y: size[1] / 2, size: 14, font });
  return doc.save();
}

/** For each sheet side: which "PAGE-n" is on its left half and which on its right half (0 for blank). */
async function halves(pdf: Uint8Array): Promise<[number, number][]> {
  const runs = (await textRuns(pdf)).filter((r) => r.str.startsWith('PAGE-'));
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((_, i) => {
    const on = runs.filter((r) => r.page === i + 1);
    const at = (left: boolean) => Number(on.find((r) => (r.x + r.width / 2 < r.pageWidth / 2) === left)?.str.slice(5) ?? 0);
    return [at(true), at(false)];
  });
}

async function sizes(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((p) => `${Math.round(p.getWidth())}×${Math.round(p.getHeight())}`);
}

describe('booklet order', () => {
  it('puts the last and the first page on the outer sheet, and pads to a multiple of 4', () => {
    expect(bookletOrder(8)).toEqual([
      { left: 8, right: 1 }, { left: 2, right: 7 },
      { left: 6, right: 3 }, { left: 4, right: 5 },
    ]);
    expect(bookletOrder(5)).toEqual(bookletOrder(8));
    expect(bookletOrder(1)).toEqual([{ left: 4, right: 1 }, { left: 2, right: 3 }]);
    // Right to left: bound on the right, so the halves swap.
    expect(bookletOrder(4, true)).toEqual([{ left: 1, right: 4 }, { left: 3, right: 2 }]);
  });
});

describe('makeBooklet', () => {
  it('A4: two A5 pages on each side of landscape A4, in folding order, blanks at the end', async () => {
    const booklet = await makeBooklet(await numberedPdf(6), { paper: 'a4' });
    expect(await halves(booklet)).toEqual([[0, 1], [2, 0], [6, 3], [4, 5]]);
    expect(await sizes(booklet)).toEqual(['842×595', '842×595', '842×595', '842×595']);
    // Each A4 page is scaled to exactly A5 (1/√2) and fills its half.
    const runs = await textRuns(booklet);
    const one = runs.find((r) => r.str === 'PAGE-1');
    expect(one?.x).toBeCloseTo(841.89 / 2 + (595.28 / 2 - 30) * Math.SQRT1_2, 0);
  });

  it('Letter: two half-letter pages on landscape Letter', async () => {
    const booklet = await makeBooklet(await numberedPdf(4, [612, 792]), { paper: 'letter' });
    expect(await halves(booklet)).toEqual([[4, 1], [2, 3]]);
    expect(await sizes(booklet)).toEqual(['792×612', '792×612']);
  });

  it('right to left: page 1 on the left half of the first side', async () => {
    const booklet = await makeBooklet(await numberedPdf(4), { paper: 'a4', rtl: true });
    expect(await halves(booklet)).toEqual([[1, 4], [3, 2]]);
  });
});

describe('padToEven', () => {
  it('adds one blank page of the same size to an odd document, and leaves an even one as it is', async () => {
    const odd = await padToEven(await numberedPdf(3));
    expect(await sizes(odd)).toEqual(['595×842', '595×842', '595×842', '595×842']);
    expect((await readPdf(odd)).pages[3]).toBe('');
    const even = await numberedPdf(2);
    expect(await padToEven(even)).toBe(even);
  });
});

const guide = (lang: string, paper = 'a4') => `---
title: "Booklet test"
lang: ${lang}
paper: ${paper}
---

Opening text.

## First part

${'A paragraph of ordinary text that fills the page. '.repeat(60)}

## Second part

${'More ordinary text to make a second and a third page. '.repeat(60)}
`;

describe('build --duplex --booklet', () => {
  it('pads each edition to an even count and writes a booklet with the guide\'s title and language', async () => {
    const dir = await tempDir({ 'bk/guide.md': guide('de') });
    const out = path.join(dir, 'out');
    const report = await buildGuides({ paths: [path.join(dir, 'bk')], outDir: out, duplex: true, booklet: true });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await readdir(out)).sort()).toEqual(['bk.student.booklet.pdf', 'bk.student.pdf', 'bk.teacher.booklet.pdf', 'bk.teacher.pdf']);
    for (const edition of ['student', 'teacher']) {
      const pdf = new Uint8Array(await readFile(path.join(out, `bk.${edition}.pdf`)));
      const handout = await readPdf(pdf);
      expect(handout.pages.length % 2).toBe(0);
      const booklet = new Uint8Array(await readFile(path.join(out, `bk.${edition}.booklet.pdf`)));
      const read = await readPdf(booklet);
      expect(read.pages.length).toBe(Math.ceil(handout.pages.length / 4) * 2);
      expect(new Set(await sizes(booklet))).toEqual(new Set(['842×595']));
      expect(read.info.Title).toBe('Booklet test');
      const doc = await PDFDocument.load(booklet);
      expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(de)');
      // The first side: the last page on the left, the cover on the right.
      const runs = (await textRuns(booklet)).filter((r) => r.page === 1);
      const cover = runs.find((r) => r.str.includes('Booklet test'));
      expect(cover && cover.x > cover.pageWidth / 2).toBe(true);
    }
  });

  it('without --duplex, an odd document stays odd; the config file can ask for duplex', async () => {
    const dir = await tempDir({ 'one/guide.md': '---\ntitle: One page\n---\n\nShort.\n' });
    const plain = await buildGuides({ paths: [path.join(dir, 'one')], outDir: path.join(dir, 'a'), editions: ['student'] });
    expect(plain.ok).toBe(true);
    expect((await readPdf(path.join(dir, 'a', 'one.student.pdf'))).pages).toHaveLength(1);
    const config = { dir, duplex: true };
    await buildGuides({ paths: [path.join(dir, 'one')], outDir: path.join(dir, 'b'), editions: ['student'], config });
    expect((await readPdf(path.join(dir, 'b', 'one.student.pdf'))).pages).toHaveLength(2);
    await buildGuides({ paths: [path.join(dir, 'one')], outDir: path.join(dir, 'c'), editions: ['student'], config, duplex: false });
    expect((await readPdf(path.join(dir, 'c', 'one.student.pdf'))).pages).toHaveLength(1);
  });

  it('the command line takes --duplex and --booklet (Letter paper), and check refuses them', async () => {
    const dir = await tempDir({ 'us/guide.md': guide('en', 'letter') });
    const result = await runCli(['build', path.join(dir, 'us'), '--out', path.join(dir, 'out'), '--edition', 'student', '--duplex', '--booklet']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/us\.student\.booklet\.pdf \(\d+ pages, /);
    const booklet = new Uint8Array(await readFile(path.join(dir, 'out', 'us.student.booklet.pdf')));
    expect(new Set(await sizes(booklet))).toEqual(new Set(['792×612']));
    const check = await runCli(['check', path.join(dir, 'us'), '--booklet']);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/--booklet is an option of build/);
  });
});
