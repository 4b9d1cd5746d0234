/**
 * Reading named destinations straight from the cross-reference table: the same pages as
 * pdf-lib's full parse on real Chrome PDFs (as printed, and after studyguide's metadata pass),
 * and undefined (so the caller parses in full) where the file is not laid out that way.
 */
import type { PDFDict} from 'pdf-lib';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { Printer } from '../../src/browser/printer.js';
import { pdfDestinations } from '../../src/pagerefs.js';
import { destinationPages } from '../../src/pdf/pdflib-destinations.js';
import { pageCount, readDestinations } from '../../src/pdf/destinations.js';
import { loadPdf } from '../../src/pdf/document.js';
import { writeMetadata } from '../../src/pdf/metadata.js';
import { tempDir } from '../helpers/tmp.js';

const html = `<!doctype html><html lang="en"><title>Destinations</title><style>section { break-before: page }</style>
<nav><a href="#one">One</a> <a href="#two">Two</a> <a href="#caf%C3%A9">Café</a> <a href="#with%20space">Space</a></nav>
<section id="one"><h2>One</h2></section><section id="two"><h2>Two</h2></section>
<section id="café"><h2>Café</h2></section><section><p>filler</p></section><section id="with space"><h2>Space</h2></section></html>`;

describe('readDestinations', () => {
  const printer = new Printer({ timeoutMs: 30_000 });
  afterAll(() => printer.close());

  it('finds the same pages as a full parse, in Chrome\'s PDF and in the one studyguide writes', async () => {
    const { pdf } = await printer.print({ html, baseDir: await tempDir(), paper: 'a4' });
    const full = destinationPages(await loadPdf(pdf));
    // Chrome names each destination by the link's fragment, as written in the URL.
    expect(Object.fromEntries(full)).toEqual({ one: 2, two: 3, 'caf%C3%A9': 4, 'with%20space': 6 });
    expect(readDestinations(pdf)).toEqual(full);
    expect(pageCount(pdf)).toBe(6);
    const written = await writeMetadata(pdf, { title: 'Destinations', authors: [], keywords: [], lang: 'en', date: new Date(0) });
    expect(readDestinations(written)).toEqual(full);
  });

  it('leaves files it cannot read directly to the full parse', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 3; i++) doc.addPage();
    const dests = doc.context.obj({ last: [doc.getPage(2).ref, PDFName.of('Fit')] });
    doc.catalog.set(PDFName.of('Dests'), doc.context.register(dests as PDFDict));
    // Object streams and a cross-reference stream: not read directly.
    const packed = await doc.save({ useObjectStreams: true });
    expect(readDestinations(packed)).toBeUndefined();
    expect(Object.fromEntries(await pdfDestinations(packed))).toEqual({ last: 3 });
    // A classic table: read directly.
    const plain = await doc.save({ useObjectStreams: false });
    expect(Object.fromEntries(readDestinations(plain) ?? [])).toEqual({ last: 3 });
    // The page count, from the page tree, the same way.
    expect(pageCount(plain)).toBe(3);
    expect(pageCount(packed)).toBeUndefined();
    expect(readDestinations(new TextEncoder().encode('not a PDF'))).toBeUndefined();
  });
});
