/**
 * The fonts of a PDF, read two ways: from the PDF's objects (as `pdffonts` lists them), and
 * per piece of text with pdf.js (which font draws which words). Also text positions, for
 * layout checks such as right-to-left.
 */
import { execFile } from 'node:child_process';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfFont {
  /** BaseFont, e.g. `AAAAAA+SourceSerif4-Regular`. */
  name: string;
  /** Type0, TrueType, Type1, Type3, … (of the descendant font for Type0). */
  type: string;
  embedded: boolean;
}

/** Every font in the PDF's pages and the form XObjects they draw. */
export async function pdfFonts(bytes: Uint8Array): Promise<PdfFont[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts = new Map<string, PdfFont>();
  const seen = new Set<PDFDict>();
  const visitResources = (resources: PDFDict | undefined) => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    const fontDict = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [key, value] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(value, PDFDict);
      const id = value instanceof PDFRef ? value.toString() : key.toString();
      fonts.set(id, describeFont(font));
      if (font.get(PDFName.of('Subtype'))?.toString() === '/Type3') visitResources(font.lookupMaybe(PDFName.of('Resources'), PDFDict));
    }
    const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, value] of xobjects?.entries() ?? []) {
      const xobject = doc.context.lookup(value);
      if (xobject instanceof PDFStream) visitResources(xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict));
    }
  };
  for (const page of doc.getPages()) visitResources(page.node.Resources());
  return [...fonts.values()];
}

function describeFont(font: PDFDict): PdfFont {
  const name = font.get(PDFName.of('BaseFont'))?.toString().replace(/^\//, '') ?? '';
  let holder = font;
  let type = font.get(PDFName.of('Subtype'))?.toString().replace(/^\//, '') ?? '';
  if (type === 'Type0') {
    const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    holder = descendant;
    type = `Type0/${descendant.get(PDFName.of('Subtype'))?.toString().replace(/^\//, '') ?? ''}`;
  }
  const descriptor = holder.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  const embedded = type === 'Type3' || ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.has(PDFName.of(k)) ?? false);
  return { name, type, embedded };
}

export interface TextRun {
  page: number;
  str: string;
  /** The font's name as embedded (BaseFont). */
  font: string;
  x: number;
  y: number;
  width: number;
  /** The font size, in points. */
  size: number;
  pageWidth: number;
}

/** Each piece of text with its font and position, read with pdf.js. */
export async function textRuns(bytes: Uint8Array): Promise<TextRun[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const runs: TextRun[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      await page.getOperatorList();
      const content = await page.getTextContent();
      const [x0 = 0, , x1 = 0] = page.view;
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const font = (page.commonObjs.get(item.fontName) as { name?: string } | undefined)?.name ?? '';
        runs.push({ page: i, str: item.str, font, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, size: Math.hypot(item.transform[2] as number, item.transform[3] as number), pageWidth: x1 - x0 });
      }
    }
    return runs;
  } finally {
    await doc.destroy();
  }
}

/** `pdffonts` (poppler-utils) output, or undefined when it is not installed. */
export function pdffonts(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('pdffonts', [file], (error, stdout) => resolve(error ? undefined : stdout));
  });
}
