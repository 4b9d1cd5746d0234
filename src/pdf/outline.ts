/**
 * Bookmarks (the PDF outline) as the reader should see them. Chrome makes them from the h1–h6
 * headings, but for some headings that start a page it writes the title twice
 * ("GlossaryGlossary"; which ones depends on where the page breaks fall), and it can drop
 * the space where a long heading wraps. A title that is, ignoring white space, a heading of the
 * page written once or twice is replaced by that heading's text; other titles are left alone.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { loadPdf, savePdf } from './document.js';
import { titleRepairer } from './titles.js';

export { headingTexts, titleRepairer } from './titles.js';

/** Returns the PDF with repaired bookmark titles, or the same bytes when none needed it. */
export async function repairOutline(pdf: Uint8Array, headings: readonly string[]): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  return repairDocumentOutline(doc, headings) > 0 ? savePdf(doc) : pdf;
}

/** `repairOutline` on a loaded document; returns how many titles were replaced. */
export function repairDocumentOutline(doc: PDFDocument, headings: readonly string[]): number {
  const repaired = titleRepairer(headings);
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!root) return 0;
  let changed = 0;
  const visit = (first: PDFDict | undefined, depth: number) => {
    let seen = 0;
    for (let item = first; item && depth < 16 && seen < 10_000; item = item.lookupMaybe(PDFName.of('Next'), PDFDict), seen++) {
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      const heading = title === undefined ? undefined : repaired(title);
      if (title !== undefined && heading !== undefined) {
        item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
        changed += 1;
      }
      visit(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  visit(root.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return changed;
}

