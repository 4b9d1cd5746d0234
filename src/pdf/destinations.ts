/**
 * The pages of a PDF's named destinations, read without parsing the whole file. Each print
 * of a document with page numbers (src/pagerefs.ts) and each rebuild (the last build's pages)
 * needs only this: the catalog, the page tree and the destinations, a few dozen objects of
 * the thousands in a tagged PDF. They are found through the cross-reference table, so this
 * takes well under a millisecond where pdf-lib's full parse takes tens.
 *
 * It reads the classic cross-reference tables that Chrome and pdf-lib write (following
 * `/Prev` for updated files). For anything else (cross-reference streams, objects in object
 * streams, a damaged file) it returns undefined, and the caller parses the file in full.
 */

import { PdfString, Reader, Ref, type Dict, type PdfValue } from './reader.js';

/** Page (1-based) of each named destination, or undefined when the file needs a full parser. */
export function readDestinations(bytes: Uint8Array): Map<string, number> | undefined {
  try {
    return destinations(new Reader(bytes));
  } catch {
    return undefined;
  }
}

/** How many pages a PDF has, read from its page tree; undefined when the file needs a full parser. */
export function pageCount(bytes: Uint8Array): number | undefined {
  try {
    const r = new Reader(bytes);
    const catalog = r.dict(r.root);
    return catalog ? pageNumbers(r, catalog).size : undefined;
  } catch {
    return undefined;
  }
}

function destinations(r: Reader): Map<string, number> {
  const catalog = r.dict(r.root);
  if (!catalog) throw new Error('no catalog');
  const pages = pageNumbers(r, catalog);
  const out = new Map<string, number>();
  const add = (name: string, dest: PdfValue | undefined) => {
    let d = r.resolve(dest);
    if (d instanceof Map) d = r.resolve(d.get('D'));
    const page = Array.isArray(d) ? d[0] : undefined;
    const index = page instanceof Ref ? pages.get(page.num) : undefined;
    if (index !== undefined && !out.has(name)) out.set(name, index);
  };
  for (const [name, dest] of r.dict(catalog.get('Dests')) ?? []) add(name, dest);
  const tree = r.dict(r.dict(catalog.get('Names'))?.get('Dests'));
  if (tree) walkNames(r, tree, add, 0);
  return out;
}

/** Page number (1-based) by page object number, in the page tree's order. */
export function pageNumbers(r: Reader, catalog: Dict): Map<number, number> {
  const pages = new Map<number, number>();
  const visit = (node: PdfValue | undefined, depth: number) => {
    if (depth > 32) throw new Error('page tree too deep');
    const dict = r.dict(node);
    if (!dict) return;
    const kids = r.resolve(dict.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) visit(kid, depth + 1);
    else if (node instanceof Ref) pages.set(node.num, pages.size + 1);
  };
  visit(catalog.get('Pages'), 0);
  return pages;
}

function walkNames(r: Reader, node: Dict, add: (name: string, dest: PdfValue | undefined) => void, depth: number): void {
  if (depth > 32) return;
  const names = r.resolve(node.get('Names'));
  if (Array.isArray(names)) {
    for (let i = 0; i + 1 < names.length; i += 2) {
      const key = names[i];
      if (key instanceof PdfString) add(key.text(), names[i + 1]);
    }
  }
  const kids = r.resolve(node.get('Kids'));
  if (Array.isArray(kids)) {
    for (const kid of kids) {
      const d = r.dict(kid);
      if (d) walkNames(r, d, add, depth + 1);
    }
  }
}
