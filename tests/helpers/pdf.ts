/** Reads a PDF back with pdf.js: text per page, page count and metadata. */
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  pages: string[];
  text: string;
  info: Record<string, unknown>;
  outline: string[];
}

export async function readPdf(source: string | Uint8Array): Promise<PdfContent> {
  const data = typeof source === 'string' ? new Uint8Array(await readFile(source)) : new Uint8Array(source);
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    const meta = await doc.getMetadata();
    const outline: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[] | null) => {
      for (const o of items ?? []) {
        outline.push(o.title);
        walk(o.items as { title: string; items: unknown[] }[]);
      }
    };
    walk(await doc.getOutline());
    return { pages, text: pages.join('\n'), info: meta.info as Record<string, unknown>, outline };
  } finally {
    await doc.destroy();
  }
}

/** Text with line breaks and hyphenation folded, for `includes` checks across wrapped lines. */
export function flat(text: string): string {
  return text.replace(/-\n/g, '').replace(/\s+/g, ' ');
}
