/**
 * Page numbers in the document: the table of contents and the teacher edition's "cited in …
 * (p. N)". A guide whose sections fall on pages 1 to 5 and beyond is printed with real Chromium;
 * each number is read back from the PDF with pdf.js and compared with the page where that
 * heading's text is found. The two prints are compared too: filling in the numbers moves nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGuides } from '../src/build.js';
import { Printer } from '../src/browser/printer.js';
import { loadGuide } from '../src/guide.js';
import { withEstimatedPages } from '../src/page-numbers.js';
import { printWithPageNumbers } from '../src/pagerefs.js';
import { destinationPages } from '../src/pdf/pdflib-destinations.js';
import { loadPdf } from '../src/pdf/document.js';
import { loadTemplates } from '../src/templates.js';
import { buildView, type View } from '../src/view.js';
import { runCli } from './helpers/cli.js';
import { flat, readPdf } from './helpers/pdf.js';
import { textRuns, type TextRun } from './helpers/pdf-fonts.js';
import { tempDir } from './helpers/tmp.js';
import { loadCsl } from '../src/references/format.js';
import { twoReferences as references } from './helpers/guides.js';

// Citations are formatted here without the build, which loads the CSL processor itself.
beforeAll(loadCsl);

const words = 'archive treaty border council minister proposal memo delegation reply security alliance conference harbour railway envoy ledger'.split(' ');
/** Distinct filler paragraphs (no heading's words in them), about 90 words each. */
function paragraphs(seed: number, count: number): string {
  const out: string[] = [];
  for (let p = 0; p < count; p++) {
    const w = Array.from({ length: 90 }, (_, i) => words[(seed * 7 + p * 13 + i * 5) % words.length]);
    out.push(`${w.join(' ')}.`);
  }
  return out.join('\n\n');
}

const sections = ['Section Alpha', 'Section Bravo', 'Section Charlie', 'Section Delta', 'Section Echo'];
const longGuide = `---
title: Page numbers
lang: en
---

An opening paragraph before the first heading.

${sections.map((s, i) => `## ${s}\n\n${i === 1 ? 'As shown [@kramer2009]. ' : ''}${i === 3 ? 'Later [@kramer2009; @sarotte2021]. ' : ''}${paragraphs(i, i === 0 ? 4 : 5)}`).join('\n\n')}

## Timeline

- **1954-03-31** — A note.

## Glossary

Note
: A letter between governments.

## Discussion questions

1. What did the note offer?
`;


const tocTitles = [...sections, 'Timeline', 'Glossary', 'Discussion questions', 'References', 'Appendix: How reliable are the sources?'];

/** The number printed at the end of a table-of-contents line on page 1. */
function tocNumber(runs: TextRun[], title: string): number {
  const entry = runs.find((r) => r.page === 1 && r.str.trim() === title);
  if (!entry) throw new Error(`no contents line "${title}"`);
  const number = runs.filter((r) => r.page === 1 && Math.abs(r.y - entry.y) < 2 && /^\d+$/.test(r.str.trim())).sort((a, b) => b.x - a.x)[0];
  if (!number) throw new Error(`no page number on the contents line "${title}"`);
  return Number(number.str.trim());
}

/** The page where a heading's text is printed: its second appearance, after the contents line. */
function headingPage(runs: TextRun[], title: string): number {
  const found = runs.filter((r) => r.str.trim() === title);
  if (found.length < 2) throw new Error(`"${title}" is printed ${found.length} time(s)`);
  return (found[1] as TextRun).page;
}

describe('table of contents and page references', () => {
  let dir: string;
  let student: TextRun[];
  let teacher: TextRun[];
  let teacherText: string[];
  // Printers made inside tests, closed after the last one (an afterAll inside a test never runs).
  const printers: Printer[] = [];
  afterAll(() => Promise.all(printers.map((p) => p.close())));

  beforeAll(async () => {
    dir = await tempDir({ 'long/guide.md': longGuide, 'long/references.yaml': references });
    const out = path.join(dir, 'out');
    const report = await buildGuides({ paths: [path.join(dir, 'long')], outDir: out });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    student = await textRuns(new Uint8Array(await readFile(path.join(out, 'long.student.pdf'))));
    const teacherPdf = path.join(out, 'long.teacher.pdf');
    teacher = await textRuns(new Uint8Array(await readFile(teacherPdf)));
    teacherText = (await readPdf(teacherPdf)).pages;
  });

  it('lists every section, the references and the appendix, with the page its heading is on', () => {
    for (const runs of [student, teacher]) {
      const found = tocTitles.map((t) => [t, tocNumber(runs, t), headingPage(runs, t)]);
      for (const [title, listed, actual] of found) expect(listed, String(title)).toBe(actual);
      // The guide is long enough for the check to mean something: sections on pages 1 to 5 and beyond.
      const pages = found.map(([, , page]) => Number(page));
      for (const p of [1, 2, 3, 4, 5]) expect(pages, `a heading on page ${p}`).toContain(p);
      expect(new Set(pages).size).toBeGreaterThanOrEqual(6);
    }
  });

  it('gives the page of each section that cites a source in the teacher edition', () => {
    const appendix = flat(teacherText.slice(headingPage(teacher, 'Appendix: How reliable are the sources?') - 1).join('\n'));
    const bravo = /Section Bravo \(p\.\s(\d+)\)/.exec(appendix);
    const delta = [...appendix.matchAll(/Section Delta \(p\.\s(\d+)\)/g)];
    expect(Number(bravo?.[1])).toBe(headingPage(teacher, 'Section Bravo'));
    expect(delta).toHaveLength(2);
    for (const m of delta) expect(Number(m[1])).toBe(headingPage(teacher, 'Section Delta'));
    // The student edition has no "cited in" column.
    expect(student.some((r) => r.str.includes('cited in'))).toBe(false);
  });

  it('prints twice, and the second print moves nothing: same pages, same text but the numbers', async () => {
    const guide = await loadGuide(path.join(dir, 'long', 'guide.md'));
    const templates = await loadTemplates([]);
    const printer = new Printer();
    printers.push(printer);
    const pdfs: Uint8Array[] = [];
    const result = await printWithPageNumbers<View>({
      view: (pages) => buildView(guide, { edition: 'teacher', paper: 'a4', ...(pages ? { pages } : {}) }),
      render: (v) => templates.render(v),
      print: async (html) => {
        const printed = await printer.print({ html, baseDir: guide.dir, paper: 'a4' });
        pdfs.push(printed.pdf);
        return printed;
      },
      needsPageNumbers: (v) => v.needsPageNumbers,
    });
    expect(result.passes).toBe(2);
    expect(result.settled).toBe(true);
    const [first, second] = await Promise.all(pdfs.map((p) => readPdf(p)));
    expect(second?.pages.length).toBe(first?.pages.length);
    const numbersOut = (pages: string[] | undefined) => pages?.map((t) => t.replace(/\d+/g, '#'));
    expect(numbersOut(second?.pages)).toEqual(numbersOut(first?.pages));
    expect(destinationPages(await loadPdf(pdfs[1] as Uint8Array))).toEqual(destinationPages(await loadPdf(pdfs[0] as Uint8Array)));
    // The first print had placeholders; the second has the pages the first print found.
    expect(result.html).toMatch(/<span class="toc-page">[1-9]\d*<\/span>/);
    expect(result.pages?.get('section-2')).toBe(1);
  });

  it('prints once when the estimated pages prove right, and again when they do not', async () => {
    const guide = await loadGuide(path.join(dir, 'long', 'guide.md'));
    const templates = await loadTemplates([]);
    const printer = new Printer();
    printers.push(printer);
    // As src/build-guide.ts does it; `adjust` stands in for a wrong estimate, or none.
    const job = (adjust: (pages: Map<string, number>) => Map<string, number> | undefined) =>
      printWithPageNumbers<View>({
        view: (pages) => buildView(guide, { edition: 'student', paper: 'a4', ...(pages ? { pages } : {}) }),
        render: (v) => templates.render(v),
        print: (html) => printer.print({ html, baseDir: guide.dir, paper: 'a4' }),
        needsPageNumbers: (v) => v.needsPageNumbers,
        estimateAndPrint: async (html, withPages) => {
          const printed = await printer.estimateAndPrint({ html, baseDir: guide.dir, paper: 'a4' }, (estimate) => {
            const pages = estimate ? adjust(new Map(Object.entries(estimate.pages))) : undefined;
            return pages ? withEstimatedPages(html, pages, withPages) : undefined;
          });
          return { printed, html: printed.filled?.html ?? html, ...(printed.filled ? { guess: printed.filled.pages } : {}) };
        },
      });
    const estimated = await job((pages) => pages);
    expect(estimated.firstGuess).toBe('estimate');
    expect(estimated.passes).toBe(1);
    expect(estimated.settled).toBe(true);
    // A wrong estimate (every page one later) is found out by the print it was used for.
    const wrong = await job((pages) => new Map([...pages].map(([id, page]) => [id, page + 1])));
    expect(wrong.passes).toBe(2);
    expect(wrong.settled).toBe(true);
    expect(wrong.pages).toEqual(estimated.pages);
    expect(wrong.html).toBe(estimated.html);
    // No estimate (a stylesheet it cannot follow): placeholders first, as before.
    const none = await job(() => undefined);
    expect(none.firstGuess).toBe('none');
    expect(none.passes).toBe(2);
    expect(none.html).toBe(estimated.html);
    // The pages an earlier print of the same first HTML found come before an estimate.
    const asked: string[] = [];
    const same = await printWithPageNumbers<View>({
      view: (pages) => buildView(guide, { edition: 'student', paper: 'a4', ...(pages ? { pages } : {}) }),
      render: (v) => templates.render(v),
      print: (html) => printer.print({ html, baseDir: guide.dir, paper: 'a4' }),
      needsPageNumbers: (v) => v.needsPageNumbers,
      guessFor: (html) => (asked.push(html), estimated.pages),
      estimateAndPrint: () => Promise.reject(new Error('no estimate when the pages are known')),
    });
    expect(same.firstGuess).toBe('same');
    expect(same.passes).toBe(1);
    expect(same.html).toBe(estimated.html);
    expect(asked).toEqual([same.firstHtml]);
    expect(same.firstHtml).toContain('<!--page:');
  });

  it('rebuilds with one print when the pages of the last build still hold, and prints again when they move', async () => {
    const d = await tempDir({ 'again/guide.md': longGuide, 'again/references.yaml': references });
    const out = path.join(d, 'out');
    const pdf = (edition: string) => path.join(out, `again.${edition}.pdf`);
    // The first build estimates the pages from the screen layout, and the estimate holds.
    const first = await runCli(['build', path.join(d, 'again'), '--out', out, '--verbose']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr.match(/printed once with estimated page numbers/g)).toHaveLength(2);
    const before = await Promise.all(['student', 'teacher'].map((e) => readFile(pdf(e))));

    // A new process: the pages come from the PDFs the first run wrote. One print each, same bytes.
    const second = await runCli(['build', path.join(d, 'again'), '--out', out, '--verbose']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr.match(/printed once with the last build's page numbers/g)).toHaveLength(2);
    const after = await Promise.all(['student', 'teacher'].map((e) => readFile(pdf(e))));
    expect(after[0]?.equals(before[0] as Buffer)).toBe(true);
    expect(after[1]?.equals(before[1] as Buffer)).toBe(true);

    // Two more pages of text in the first section move every later heading: the guess is wrong,
    // so the document is printed again, and the numbers follow the headings.
    await writeFile(path.join(d, 'again', 'guide.md'), longGuide.replace('## Section Bravo', `${paragraphs(9, 8)}\n\n## Section Bravo`));
    const third = await runCli(['build', path.join(d, 'again'), '--out', out, '--verbose']);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr.match(/printed twice \(a section moved since the last build\)/g)).toHaveLength(2);
    const runs = await textRuns(new Uint8Array(await readFile(pdf('student'))));
    for (const title of tocTitles) expect(tocNumber(runs, title), title).toBe(headingPage(runs, title));
    expect(headingPage(runs, 'Section Bravo')).toBeGreaterThan(headingPage(student, 'Section Bravo'));

    // With the cache on, the last build's record has its pages: the PDFs are not needed for them.
    const cached = () => runCli(['build', path.join(d, 'again'), '--out', out, '--force', '--verbose'], { env: { STUDYGUIDE_CACHE_DIR: path.join(d, 'cache') } });
    expect((await cached()).code).toBe(0);
    for (const e of ['student', 'teacher']) await writeFile(pdf(e), 'not a PDF');
    const fromRecord = await cached();
    expect(fromRecord.code, fromRecord.stderr).toBe(0);
    expect(fromRecord.stderr.match(/printed once with the last build's page numbers/g)).toHaveLength(2);

    // Into another folder: no build of its own there, but the same text was printed before, and
    // the cache remembers where that print found the targets: one print, no estimate, same bytes.
    const elsewhere = path.join(d, 'elsewhere');
    const moved = await runCli(['build', path.join(d, 'again'), '--out', elsewhere, '--verbose'], { env: { STUDYGUIDE_CACHE_DIR: path.join(d, 'cache') } });
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr.match(/printed once with the page numbers of an earlier print of the same text/g)).toHaveLength(2);
    for (const e of ['student', 'teacher']) expect((await readFile(path.join(elsewhere, `again.${e}.pdf`))).equals(await readFile(pdf(e))), e).toBe(true);
    // Without the cache the same build estimates, as a first build does.
    const uncached = await runCli(['build', path.join(d, 'again'), '--out', path.join(d, 'third'), '--verbose']);
    expect(uncached.stderr.match(/printed once with estimated page numbers/g)).toHaveLength(2);
  });

  it('prints once when nothing needs page numbers (toc: false, student edition)', async () => {
    const text = longGuide.replace('lang: en\n', 'lang: en\ntoc: false\n');
    const d = await tempDir({ 'notoc/guide.md': text, 'notoc/references.yaml': references });
    expect((await loadGuide(path.join(d, 'notoc', 'guide.md'))).meta.toc).toBe(false);
    const printer = new CountingPrinter();
    printers.push(printer);
    const out = path.join(d, 'out');
    const report = await buildGuides({ paths: [path.join(d, 'notoc')], outDir: out, editions: ['student'], printer, html: true });
    expect(report.ok).toBe(true);
    expect(printer.prints).toBe(1);
    const html = await readFile(path.join(out, 'notoc.student.html'), 'utf8');
    expect(html).not.toContain('class="toc"');
    expect((await readPdf(path.join(out, 'notoc.student.pdf'))).pages[0]).not.toContain('Contents');
  });

  it('follows the config file below the front matter', async () => {
    const d = await tempDir({ 'a/guide.md': longGuide, 'a/references.yaml': references, 'b/guide.md': longGuide.replace('lang: en\n', 'lang: en\ntoc: true\n'), 'b/references.yaml': references });
    const out = path.join(d, 'out');
    const config = { dir: d, toc: false };
    const report = await buildGuides({ paths: [path.join(d, 'a'), path.join(d, 'b')], outDir: out, editions: ['student'], htmlOnly: true, config });
    expect(report.ok).toBe(true);
    expect(await readFile(path.join(out, 'a.student.html'), 'utf8')).not.toContain('class="toc"');
    const b = await readFile(path.join(out, 'b.student.html'), 'utf8');
    expect(b).toContain('class="toc"');
    // HTML alone has no pages: the contents link to the sections, without numbers.
    expect(b).toContain('<a href="#section-2"><span class="toc-text">Section Alpha</span><span class="toc-leader" aria-hidden="true"></span><span class="toc-page"></span></a>');
  });
});

/** The real printer, counting the documents it prints. */
class CountingPrinter extends Printer {
  prints = 0;
  override async print(job: Parameters<Printer['print']>[0]) {
    this.prints += 1;
    return super.print(job);
  }
}
