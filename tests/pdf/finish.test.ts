/**
 * The direct finisher on real Chrome output: it gives what the pdf-lib path gives (text,
 * pages, outline, destinations, metadata), a file pdf-lib itself reads strictly, the same bytes
 * every time, and it leaves files it cannot read directly to pdf-lib.
 */
import path from 'node:path';
import { PDFDocument, PDFHexString, PDFName, type PDFDict, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Printer } from '../../src/browser/printer.js';
import { loadGuide } from '../../src/guide.js';
import { readDestinations } from '../../src/pdf/destinations.js';
import { finishPdf } from '../../src/pdf/finish.js';
import type { DocumentInfo } from '../../src/pdf/info.js';
import { writeMetadata } from '../../src/pdf/metadata.js';
import { headingTexts } from '../../src/pdf/titles.js';
import { loadTemplates } from '../../src/templates.js';
import { buildView } from '../../src/view.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';
import { loadCsl } from '../../src/references/format.js';

// Citations are formatted here without the build, which loads the CSL processor itself.
beforeAll(loadCsl);

const guideText = `---
title: Finishing «PDFs» — Ünïcode
authors: [A. Teacher, B. Teacher]
lang: de
keywords: [NATO, 1954]
---

## Überblick

Text [@k].

## Zeitleiste

- **1954-03-31** — Die Note.

## Glossar

Note
: Ein Brief.
`;
const refs = `- id: k\n  type: book\n  title: A Book\n  author: [{family: Kramer, given: Mark}]\n  issued: {date-parts: [[2009]]}\n  publisher: Yale University Press\n`;
const info: DocumentInfo = { title: 'Finishing «PDFs» — Ünïcode', authors: ['A. Teacher', 'B. Teacher'], subject: 'Über', keywords: ['NATO', '1954'], lang: 'de', date: new Date(Date.UTC(2025, 8, 1)) };

describe('finishPdf', () => {
  const printer = new Printer({ timeoutMs: 30_000 });
  afterAll(() => printer.close());

  it('sets what the pdf-lib path sets, keeps everything else, and gives the same bytes each time', async () => {
    const dir = await tempDir({ 'g/guide.md': guideText, 'g/references.yaml': refs });
    const guide = await loadGuide(path.join(dir, 'g', 'guide.md'));
    const html = (await loadTemplates([])).render(buildView(guide, { edition: 'teacher', paper: 'a4', pages: 'pending' }));
    const { pdf: raw } = await printer.print({ html, baseDir: guide.dir, paper: 'a4' });
    const direct = finishPdf(raw, { info, headings: headingTexts(html) });
    expect(direct).toBeDefined();
    const viaPdfLib = await writeMetadata(raw, info);
    const [a, b] = await Promise.all([readPdf(direct as Uint8Array), readPdf(viaPdfLib)]);
    expect(a.pages).toEqual(b.pages);
    expect(a.outline).toEqual(b.outline);
    expect(a.outline).toContain('Zeitleiste');
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate']) expect(a.info[key], key).toEqual(b.info[key]);
    expect(a.info.Title).toBe(info.title);
    expect(readDestinations(direct as Uint8Array)).toEqual(readDestinations(raw));
    // pdf-lib reads it strictly; the catalog has the language, the XMP and the title setting.
    const doc = await PDFDocument.load(direct as Uint8Array, { throwOnInvalidObject: true, updateMetadata: false });
    expect(doc.getPageCount()).toBe((await PDFDocument.load(raw, { updateMetadata: false })).getPageCount());
    const catalog = doc.catalog.toString();
    expect(catalog).toMatch(/\/Lang \(de\)/);
    expect(catalog).toMatch(/\/Metadata \d+ 0 R/);
    expect(catalog).toMatch(/\/DisplayDocTitle true/);
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(Buffer.from(direct as Uint8Array).toString('latin1')).toMatch(/\/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]/);
    expect(Buffer.from(finishPdf(raw, { info, headings: headingTexts(html) }) as Uint8Array).equals(Buffer.from(direct as Uint8Array))).toBe(true);
  });

  it('repairs bookmark titles Chrome wrote twice, and only those', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const { context } = doc;
    const rootRef = context.nextRef();
    const refs = ['GlossaryGlossary', 'Notes', 'Theback: a long heading'].map((title, i, all) => {
      const ref = context.nextRef();
      return { ref, title, i, all };
    });
    for (const { ref, title, i } of refs) {
      const item = context.obj({ Parent: rootRef, Dest: [page.ref, 'Fit'] }) as PDFDict;
      item.set(PDFName.of('Title'), PDFHexString.fromText(title));
      if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]?.ref as PDFRef);
      if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]?.ref as PDFRef);
      context.assign(ref, item);
    }
    context.assign(rootRef, context.obj({ Type: 'Outlines', First: refs[0]?.ref as PDFRef, Last: refs[2]?.ref as PDFRef, Count: 3 }));
    doc.catalog.set(PDFName.of('Outlines'), rootRef);
    const fixed = finishPdf(await doc.save({ useObjectStreams: false }), { info, headings: ['Glossary', 'The back: a long heading'] });
    expect((await readPdf(fixed as Uint8Array)).outline).toEqual(['Glossary', 'Notes', 'The back: a long heading']);
  });

  it('leaves a file with object streams to pdf-lib', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(finishPdf(await doc.save({ useObjectStreams: true }), { info, headings: [] })).toBeUndefined();
    expect(finishPdf(await doc.save({ useObjectStreams: false }), { info, headings: [] })).toBeDefined();
  });
});
