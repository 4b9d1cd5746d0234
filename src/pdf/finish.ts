/**
 * Stage 9, the direct way: the printed PDF gets its bookmark titles repaired (src/pdf/outline.ts),
 * its metadata set and a reproducible ID (src/pdf/metadata.ts) by rewriting only the objects that
 * change (the catalog, the document information, repaired outline items, a new XMP stream) and
 * copying every other object's bytes as they are. pdf-lib would parse and re-serialise all of
 * a tagged PDF's thousands of objects for this (and take a quarter of a second to load); here
 * it is a few milliseconds. Files laid out otherwise (see src/pdf/reader.ts) return undefined,
 * and the caller uses pdf-lib.
 */
import { producer, withContentId, xmp, type DocumentInfo } from './info.js';
import { titleRepairer } from './titles.js';
import { PdfString, Reader, Ref, serialize, Unsupported, type Dict, type PdfValue } from './reader.js';

export interface FinishOptions {
  info: DocumentInfo;
  /** The text of the document's headings, for repairing bookmark titles. */
  headings: readonly string[];
}

export function finishPdf(bytes: Uint8Array, options: FinishOptions): Uint8Array | undefined {
  try {
    return finish(new Reader(bytes), options);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function finish(r: Reader, { info, headings }: FinishOptions): Uint8Array {
  if (r.updated) throw new Unsupported('an updated file');
  const changed = new Map<number, string>();
  const catalog = r.dict(r.root);
  if (!catalog) throw new Unsupported('no catalog');

  // Bookmarks: titles Chrome wrote twice or without a space get their heading back.
  const repaired = titleRepairer(headings);
  const outlines = r.dict(catalog.get('Outlines'));
  const visit = (first: PdfValue | undefined, depth: number) => {
    let seen = 0;
    for (let ref = first; ref instanceof Ref && depth < 16 && seen < 10_000; seen++) {
      const item = r.dict(ref);
      if (!item) break;
      const title = item.get('Title');
      const heading = title instanceof PdfString ? repaired(title.text()) : undefined;
      if (heading !== undefined) {
        const copy = new Map(item);
        copy.set('Title', PdfString.fromText(heading));
        changed.set(ref.num, serialize(copy));
      }
      visit(item.get('First'), depth + 1);
      ref = item.get('Next');
    }
  };
  if (outlines) visit(outlines.get('First'), 0);

  // New objects are numbered after the last one.
  let size = Math.max(...r.offsets.keys(), 0) + 1;
  const sizeInTrailer = r.trailer.get('Size');
  if (typeof sizeInTrailer === 'number' && sizeInTrailer > size) size = sizeInTrailer;
  const added: string[] = [];
  const add = (body: string): Ref => {
    added.push(`${size} 0 obj\n${body}\nendobj\n`);
    return new Ref(size++, 0);
  };

  // A fresh information dictionary, so nothing of Chrome's (the time of printing) is left.
  const infoDict: Dict = new Map<string, PdfValue>([['Title', PdfString.fromText(info.title)]]);
  if (info.authors.length > 0) infoDict.set('Author', PdfString.fromText(info.authors.join(', ')));
  if (info.subject) infoDict.set('Subject', PdfString.fromText(info.subject));
  if (info.keywords.length > 0) infoDict.set('Keywords', PdfString.fromText(info.keywords.join(', ')));
  infoDict.set('Creator', PdfString.fromText(producer));
  infoDict.set('Producer', PdfString.fromText(producer));
  infoDict.set('CreationDate', new PdfString(pdfDate(info.date)));
  infoDict.set('ModDate', new PdfString(pdfDate(info.date)));
  const oldInfo = r.trailer.get('Info');
  let infoRef: Ref;
  if (oldInfo instanceof Ref && r.offsets.has(oldInfo.num)) {
    changed.set(oldInfo.num, serialize(infoDict));
    infoRef = oldInfo;
  } else {
    infoRef = add(serialize(infoDict));
  }

  // The catalog: language, title shown by viewers (PDF/UA), XMP in UTF-8, uncompressed.
  const xmpBytes = Buffer.from(xmp(info), 'utf8');
  const metadataRef = add(`<</Type /Metadata /Subtype /XML /Length ${xmpBytes.length}>>\nstream\n${xmpBytes.toString('latin1')}\nendstream`);
  const newCatalog = new Map(catalog);
  newCatalog.set('Lang', new PdfString(info.lang));
  newCatalog.set('Metadata', metadataRef);
  const prefs = new Map(r.dict(catalog.get('ViewerPreferences')) ?? []);
  prefs.set('DisplayDocTitle', true);
  newCatalog.set('ViewerPreferences', prefs);
  changed.set(r.root.num, serialize(newCatalog));

  // Every object in file order: its bytes copied (runs of unchanged objects in one piece), or
  // written anew; then the new ones, the table, the trailer.
  const order = [...r.offsets].sort((a, b) => a[1] - b[1]);
  const parts: Buffer[] = [];
  const offsets = new Map<number, number>();
  let at = 0;
  const push = (chunk: Buffer) => {
    parts.push(chunk);
    at += chunk.length;
  };
  /** Where in the printed file the run of bytes not yet copied starts. */
  let runFrom = 0;
  order.forEach(([num, start], i) => {
    const body = changed.get(num);
    if (body === undefined) {
      offsets.set(num, at + (start - runFrom));
      return;
    }
    push(r.bytes.subarray(runFrom, start));
    offsets.set(num, at);
    push(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
    runFrom = order[i + 1]?.[1] ?? r.xrefOffset;
  });
  push(r.bytes.subarray(runFrom, r.xrefOffset));
  const firstAdded = size - added.length;
  added.forEach((chunk, i) => {
    offsets.set(firstAdded + i, at);
    push(Buffer.from(chunk, 'latin1'));
  });
  const xrefAt = at;
  const rows = ['xref', `0 ${size}`, '0000000000 65535 f '];
  for (let num = 1; num < size; num++) {
    const offset = offsets.get(num);
    rows.push(offset === undefined ? '0000000000 00001 f ' : `${String(offset).padStart(10, '0')} 00000 n `);
  }
  const trailer: Dict = new Map<string, PdfValue>([['Size', size], ['Root', r.root], ['Info', infoRef]]);
  push(Buffer.from(`${rows.join('\n')}\ntrailer\n${serialize(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return withContentId(Buffer.concat(parts, at));
}

/** A PDF date, D:YYYYMMDDHHmmSSZ, in UTC. */
function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

