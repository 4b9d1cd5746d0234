/**
 * PDF metadata and reproducible bytes, on real PDFs from Chromium read back with pdf.js:
 * the same guide builds to the same bytes, the dates come from SOURCE_DATE_EPOCH, the guide's
 * date or the file's mtime (never the clock), and Chrome's tagged structure and outline survive.
 */
import { readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Printer } from '../../src/browser/printer.js';
import { buildGuides } from '../../src/build.js';
import { loadGuide } from '../../src/guide.js';
import { documentDate, renumberNodeIds, setPdfMetadata } from '../../src/pdf/metadata.js';
import { loadTemplates } from '../../src/templates.js';
import { buildView } from '../../src/view.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';
import { loadCsl } from '../../src/references/format.js';

// Citations are formatted here without the build, which loads the CSL processor itself.
beforeAll(loadCsl);

const guideText = (front: string) => `---
title: "Холодна війна"
subtitle: "Вступ для 10 класу"
author: [Олена Петренко, "Max Muster"]
lang: uk-UA
keywords: [історія, Cold War]
${front}---

Вступ.

## Хронологія

- **1949-04-04** — Заснування НАТО.

## Словник

НАТО
: Північноатлантичний альянс.

## Питання для обговорення

1. Чому?
`;

async function build(dir: string, out: string, editions: ('student' | 'teacher')[] = ['student', 'teacher']) {
  const report = await buildGuides({ paths: [dir], outDir: out, editions });
  expect(report.diagnostics).toEqual([]);
  return report;
}

/** What pdf.js reads: information, language, marked content, ID, outline and each page's structure tree. */
async function inspect(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const meta = await doc.getMetadata();
    const structure: unknown[] = [];
    for (let i = 1; i <= doc.numPages; i++) structure.push(await (await doc.getPage(i)).getStructTree());
    const outline = await doc.getOutline();
    return {
      info: meta.info as Record<string, unknown>,
      xmpTitle: meta.metadata?.get('dc:title'),
      markInfo: await doc.getMarkInfo(),
      /** The trailer's document ID (pdf.js makes up a fingerprint when there is none). */
      id: /\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/.exec(Buffer.from(bytes).toString('latin1'))?.[1] ?? null,
      outline: JSON.stringify(outline.map((o) => [o.title, o.items.map((i) => i.title)])),
      structure: JSON.stringify(structure),
    };
  } finally {
    await doc.destroy();
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('renumberNodeIds', () => {
  it('numbers Chrome\'s structure ids from 1, in order, at the same width', () => {
    const pdf = (ids: string[]) => Buffer.from(`1 0 obj\n<< /ID (node${ids[0]}) >>\nendobj\n2 0 obj\n<< /Names [(node${ids[0]}) 1 0 R (node${ids[1]}) 3 0 R] /Headers [(node${ids[1]})] >>\nendobj\n`, 'latin1');
    const a = renumberNodeIds(pdf(['00002488', '00002519']));
    const b = renumberNodeIds(pdf(['00000396', '00000412']));
    expect(Buffer.from(a).toString('latin1')).toBe(pdf(['00000001', '00000002']).toString('latin1'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const none = Buffer.from('no ids here', 'latin1');
    expect(renumberNodeIds(none)).toBe(none);
    // Only "(node" and 1 to 12 digits and ")": not 13 digits, not without digits or parenthesis.
    const odd = Buffer.from('(node(node0042) (node1234567890123) (node) (node77 (node0042)', 'latin1');
    expect(Buffer.from(renumberNodeIds(odd)).toString('latin1')).toBe('(node(node0001) (node1234567890123) (node) (node77 (node0001)');
  });
});

describe('documentDate', () => {
  it('prefers SOURCE_DATE_EPOCH, then the guide date, then the file time', async () => {
    const dir = await tempDir({ 'guide.md': '# T\n' });
    const file = path.join(dir, 'guide.md');
    await utimes(file, new Date('2021-02-03T04:05:06.789Z'), new Date('2021-02-03T04:05:06.789Z'));
    expect((await documentDate({ date: '2025-09-14' }, { file, env: { SOURCE_DATE_EPOCH: '1700000000' } })).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect((await documentDate({ date: '2025-09-14' }, { file, env: {} })).toISOString()).toBe('2025-09-14T00:00:00.000Z');
    expect((await documentDate({ date: '2025-09' }, { file, env: {} })).toISOString()).toBe('2025-09-01T00:00:00.000Z');
    expect((await documentDate({ date: '1954' }, { file, env: { SOURCE_DATE_EPOCH: '' } })).toISOString()).toBe('1954-01-01T00:00:00.000Z');
    expect((await documentDate({}, { file, env: {} })).toISOString()).toBe('2021-02-03T04:05:06.000Z');
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds', async () => {
    await expect(documentDate({}, { file: '/nonexistent', env: { SOURCE_DATE_EPOCH: 'yesterday' } })).rejects.toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds/);
    await expect(documentDate({}, { file: '/nonexistent', env: { SOURCE_DATE_EPOCH: '-5' } })).rejects.toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('PDF metadata', () => {
  it('builds the same guide twice to identical bytes', async () => {
    const dir = await tempDir({ 'g/guide.md': guideText('date: 2025-09\n') });
    await build(path.join(dir, 'g'), path.join(dir, 'one'));
    await build(path.join(dir, 'g'), path.join(dir, 'two'));
    for (const edition of ['student', 'teacher']) {
      const one = await readFile(path.join(dir, 'one', `g.${edition}.pdf`));
      const two = await readFile(path.join(dir, 'two', `g.${edition}.pdf`));
      expect(one.equals(two), edition).toBe(true);
    }
    const student = await inspect(await readFile(path.join(dir, 'one', 'g.student.pdf')));
    const teacher = await inspect(await readFile(path.join(dir, 'one', 'g.teacher.pdf')));
    // The dates are the guide's, not the time of printing; the ID follows the content.
    expect(student.info.CreationDate).toBe('D:20250901000000Z');
    expect(student.info.ModDate).toBe('D:20250901000000Z');
    expect(student.id).toMatch(/^[0-9A-F]{32}$/);
    expect(teacher.id).toMatch(/^[0-9A-F]{32}$/);
    expect(student.id).not.toBe(teacher.id);
  });

  it('writes title, author, subject, keywords, creator, producer and language', async () => {
    const dir = await tempDir({ 'g/guide.md': guideText('date: 2025-09-14\n') });
    await build(path.join(dir, 'g'), path.join(dir, 'out'), ['student']);
    const bytes = await readFile(path.join(dir, 'out', 'g.student.pdf'));
    const pdf = await inspect(bytes);
    expect(pdf.info).toMatchObject({
      Title: 'Холодна війна',
      Author: 'Олена Петренко, Max Muster',
      Subject: 'Вступ для 10 класу',
      Keywords: 'історія, Cold War',
      Creator: 'studyguide',
      Producer: 'studyguide',
      Language: 'uk-UA',
      CreationDate: 'D:20250914000000Z',
    });
    expect(pdf.xmpTitle).toBe('Холодна війна');
    expect(pdf.markInfo).toMatchObject({ Marked: true });
    // The text is still there, in the handout's language.
    expect((await readPdf(bytes)).text).toContain('Видання для учнів');
  });

  it('takes the date from SOURCE_DATE_EPOCH, else from the file when the guide has none', async () => {
    const dir = await tempDir({ 'g/guide.md': guideText('') });
    const file = path.join(dir, 'g', 'guide.md');
    await utimes(file, new Date('2022-06-01T12:34:56Z'), new Date('2022-06-01T12:34:56Z'));
    await build(path.join(dir, 'g'), path.join(dir, 'mtime'), ['student']);
    expect((await inspect(await readFile(path.join(dir, 'mtime', 'g.student.pdf')))).info.CreationDate).toBe('D:20220601123456Z');

    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    await build(path.join(dir, 'g'), path.join(dir, 'epoch'), ['student']);
    expect((await inspect(await readFile(path.join(dir, 'epoch', 'g.student.pdf')))).info.CreationDate).toBe('D:20231114221320Z');
  });

  describe('on a PDF straight from Chrome', () => {
    const printer = new Printer({ timeoutMs: 30_000 });
    afterAll(() => printer.close());

    it('keeps the tagged structure and the outline Chrome wrote, and sets what Chrome left out', async () => {
      const dir = await tempDir({ 'g/guide.md': guideText('date: 2025-09\n') });
      const guide = await loadGuide(path.join(dir, 'g', 'guide.md'));
      const html = (await loadTemplates([])).render(buildView(guide, { edition: 'teacher', paper: 'a4' }));
      const { pdf: raw } = await printer.print({ html, baseDir: guide.dir, paper: 'a4' });
      const stamped = await setPdfMetadata(raw, guide.meta, { file: guide.file, env: {} });

      const before = await inspect(raw);
      const after = await inspect(stamped);
      expect(before.info.Creator).toBe('Chromium');
      expect(before.id).toBeNull();
      expect(after.structure).toBe(before.structure);
      expect(after.structure).toContain('"role":"H1"');
      expect(after.outline).toBe(before.outline);
      expect(JSON.parse(after.outline)).toEqual([['Холодна війна', ['Хронологія', 'Словник', 'Питання для обговорення']]]);
      expect(after.markInfo).toEqual(before.markInfo);
      expect((await readPdf(stamped)).pages).toEqual((await readPdf(raw)).pages);

      // Applying it again to the same print gives the same bytes.
      expect(Buffer.from(await setPdfMetadata(raw, guide.meta, { file: guide.file, env: {} })).equals(Buffer.from(stamped))).toBe(true);
    });
  });
});
