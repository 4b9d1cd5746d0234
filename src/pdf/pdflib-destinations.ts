/** Named destinations read with pdf-lib's full parser: the fallback of src/pdf/destinations.ts. */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * The page (1-based) of each named destination in a loaded PDF: the catalog's `/Dests` dictionary,
 * which Chrome writes, or a `/Names` → `/Dests` name tree, which other writers use.
 */
export function destinationPages(doc: PDFDocument): Map<string, number> {
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const pages = new Map<string, number>();
  const add = (name: string, dest: PDFObject | undefined) => {
    const page = destinationPage(doc, dest);
    const index = page ? pageIndex.get(page.toString()) : undefined;
    if (index !== undefined && !pages.has(name)) pages.set(name, index);
  };
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) add(key.decodeText(), value);
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) walkNameTree(doc, tree, add, 0);
  return pages;
}

function destinationPage(doc: PDFDocument, dest: PDFObject | undefined): PDFRef | undefined {
  const value = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  // A destination is an array [page /XYZ left top zoom], or a dictionary holding one under /D.
  const array = value instanceof PDFArray ? value : value instanceof PDFDict ? value.lookupMaybe(PDFName.of('D'), PDFArray) : undefined;
  const page = array?.get(0);
  return page instanceof PDFRef ? page : undefined;
}

function walkNameTree(doc: PDFDocument, node: PDFDict, add: (name: string, dest: PDFObject | undefined) => void, depth: number): void {
  if (depth > 32) return;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const key = names.lookup(i);
    if (key instanceof PDFString || key instanceof PDFHexString) add(key.decodeText(), names.get(i + 1));
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) walkNameTree(doc, kid, add, depth + 1);
  }
}

