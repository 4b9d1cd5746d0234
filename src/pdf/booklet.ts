/**
 * Printing several handouts on both sides, and folded booklets, from the printed PDF (pdf-lib).
 *
 * - `padToEven`: a blank page at the end of a document with an odd number of pages, so that
 *   the next document printed after it starts on a new sheet (on a right-hand page).
 * - `makeBooklet`: a 2-up booklet for folding and stapling in the middle. The pages are padded
 *   with blank pages to a multiple of 4 (m pages), and each side of each sheet holds two of
 *   them, in saddle-stitch order: m and 1, 2 and m−1, m−2 and 3, … Each page is scaled to half
 *   a landscape sheet: A4 pages become A5 on landscape A4 (exactly 1/√2), Letter pages are
 *   fitted into half-letter on landscape Letter (×0.65, centred). Print the booklet on both
 *   sides, flipping on the short edge. Right-to-left documents are bound on the right, so the
 *   two halves of each side swap.
 *
 * The booklet is for the printer: its pages are drawings of the handout's pages (text stays
 * text and fonts stay embedded), without the tagged structure and links of the handout itself.
 */
import type { PDFDocument, PDFEmbeddedPage } from 'pdf-lib';
import { createPdf, loadPdf, savePdf } from './document.js';

/** Landscape sheets, in points: A4 (297 × 210 mm) and US Letter (11 × 8.5 in). */
export const sheetSizes = {
  a4: [841.89, 595.28],
  letter: [792, 612],
} as const satisfies Record<string, readonly [number, number]>;

export interface BookletOptions {
  paper: 'a4' | 'letter';
  /** Bound on the right (Arabic, Hebrew, …): page 1 is on the left half of the first side. */
  rtl?: boolean;
}

/** Adds a blank page (of the last page's size) when the page count is odd; even documents are returned as they are. */
export async function padToEven(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  return padDocumentToEven(doc) ? savePdf(doc) : pdf;
}

/** `padToEven` on a loaded document; true when a page was added. */
export function padDocumentToEven(doc: PDFDocument): boolean {
  const count = doc.getPageCount();
  if (count === 0 || count % 2 === 0) return false;
  const { width, height } = doc.getPage(count - 1).getSize();
  doc.addPage([width, height]);
  return true;
}

/**
 * The booklet order: for each side of each sheet, the 1-based page numbers on its left and
 * right half, for `pages` pages padded to a multiple of 4. Numbers above `pages` are blank.
 */
export function bookletOrder(pages: number, rtl = false): { left: number; right: number }[] {
  const m = Math.max(4, Math.ceil(pages / 4) * 4);
  const sides: { left: number; right: number }[] = [];
  for (let sheet = 0; sheet < m / 4; sheet++) {
    const front = { left: m - 2 * sheet, right: 2 * sheet + 1 };
    const back = { left: 2 * sheet + 2, right: m - 2 * sheet - 1 };
    for (const side of [front, back]) sides.push(rtl ? { left: side.right, right: side.left } : side);
  }
  return sides;
}

/** A new PDF with the pages of `pdf` two by two on landscape sheets, in booklet order. */
export async function makeBooklet(pdf: Uint8Array, options: BookletOptions): Promise<Uint8Array> {
  const source = await loadPdf(pdf);
  const booklet = await createPdf();
  const count = source.getPageCount();
  // Pages with no content (the blank page of `padToEven`) stay blank; pdf-lib cannot embed them.
  const pages = source.getPages();
  const drawn = pages.filter((p) => p.node.Contents() !== undefined);
  const embeddedDrawn = await booklet.embedPages(drawn);
  const embedded = pages.map((p) => embeddedDrawn[drawn.indexOf(p)]);
  const [sheetWidth, sheetHeight] = sheetSizes[options.paper];
  const cellWidth = sheetWidth / 2;
  const draw = (sheet: ReturnType<typeof booklet.addPage>, page: PDFEmbeddedPage | undefined, cellX: number) => {
    if (!page) return;
    const scale = Math.min(cellWidth / page.width, sheetHeight / page.height);
    const width = page.width * scale;
    const height = page.height * scale;
    sheet.drawPage(page, { x: cellX + (cellWidth - width) / 2, y: (sheetHeight - height) / 2, width, height });
  };
  for (const side of bookletOrder(count, options.rtl)) {
    const sheet = booklet.addPage([sheetWidth, sheetHeight]);
    draw(sheet, embedded[side.left - 1], 0);
    draw(sheet, embedded[side.right - 1], cellWidth);
  }
  return savePdf(booklet);
}
