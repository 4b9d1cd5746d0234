/**
 * Bookmarks (the PDF outline) as the reader should see them. Chrome makes them from the h1–h6
 * headings, but for some headings that start a page it writes the title twice
 * ("GlossaryGlossary"; which ones depends on where the page breaks fall), and it can drop
 * the space where a long heading wraps. A title that is, ignoring white space, a heading of the
 * page written once or twice is replaced by that heading's text; other titles are left alone.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { loadPdf, savePdf } from './document.js';

/** The text of every h1–h6 in an HTML page (tags removed, entities decoded, white space folded). */
export function headingTexts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi)) {
    const text = decodeEntities((m[2] ?? '').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out;
}

/** Returns the PDF with repaired bookmark titles, or the same bytes when none needed it. */
export async function repairOutline(pdf: Uint8Array, headings: readonly string[]): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  return repairDocumentOutline(doc, headings) > 0 ? savePdf(doc) : pdf;
}

/** `repairOutline` on a loaded document; returns how many titles were replaced. */
export function repairDocumentOutline(doc: PDFDocument, headings: readonly string[]): number {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const byShape = new Map<string, string>();
  for (const h of headings) {
    if (!byShape.has(squash(h))) byShape.set(squash(h), h);
    if (!byShape.has(squash(h + h))) byShape.set(squash(h + h), h);
  }
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!root) return 0;
  let changed = 0;
  const visit = (first: PDFDict | undefined, depth: number) => {
    let seen = 0;
    for (let item = first; item && depth < 16 && seen < 10_000; item = item.lookupMaybe(PDFName.of('Next'), PDFDict), seen++) {
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      const heading = title === undefined ? undefined : byShape.get(squash(title));
      if (title !== undefined && heading !== undefined && heading !== title) {
        item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
        changed += 1;
      }
      visit(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  visit(root.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return changed;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}
