/**
 * Bookmark titles that Chrome wrote twice ("GlossaryGlossary") or without a space get their
 * heading's text back; every other title, and a PDF with nothing to repair, is left alone.
 */
import { PDFDocument, PDFHexString, PDFName, type PDFDict, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { headingTexts, repairOutline } from '../../src/pdf/outline.js';
import { readPdf } from '../helpers/pdf.js';

/** A one-page PDF whose outline has the given titles, one level deep. */
async function withOutline(titles: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const { context } = doc;
  const root = context.obj({ Type: 'Outlines' }) as PDFDict;
  const rootRef = context.register(root);
  const refs: PDFRef[] = titles.map(() => context.nextRef());
  titles.forEach((title, i) => {
    const item = context.obj({ Parent: rootRef, Dest: [page.ref, 'Fit'] }) as PDFDict;
    item.set(PDFName.of('Title'), PDFHexString.fromText(title));
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
    if (i < titles.length - 1) item.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
    context.assign(refs[i] as PDFRef, item);
  });
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  root.set(PDFName.of('Count'), context.obj(titles.length));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  return doc.save();
}

describe('bookmark titles', () => {
  it('reads the headings of a page, tags removed and entities decoded', () => {
    const html = '<h1 class="title">The Soviet Union&#x27;s Note</h1><p>x</p><h2>Checking the <em>article&#39;s</em>\n claims</h2><h3>A &amp; B</h3><h2></h2>';
    expect(headingTexts(html)).toEqual(["The Soviet Union's Note", "Checking the article's claims", 'A & B']);
  });

  it('repairs doubled and squeezed titles of known headings, and only those', async () => {
    const pdf = await withOutline(['Timeline', 'GlossaryGlossary', 'Checking the article’s claimsChecking the article’s claims', 'Theback: a long heading', 'couscous', 'Notes']);
    const fixed = await repairOutline(pdf, ['Timeline', 'Glossary', 'Checking the article’s claims', 'The back: a long heading', 'cous']);
    expect((await readPdf(fixed)).outline).toEqual(['Timeline', 'Glossary', 'Checking the article’s claims', 'The back: a long heading', 'cous', 'Notes']);
    // Without the heading "cous", "couscous" is a word, not a doubled title.
    expect((await readPdf(await repairOutline(pdf, ['Glossary']))).outline).toContain('couscous');
  });

  it('returns the same bytes when there is nothing to repair', async () => {
    const pdf = await withOutline(['Timeline', 'Glossary']);
    expect(await repairOutline(pdf, ['Timeline', 'Glossary'])).toBe(pdf);
    const plain = await PDFDocument.create();
    plain.addPage();
    const bytes = await plain.save();
    expect(await repairOutline(bytes, ['Timeline'])).toBe(bytes);
  });
});
