/**
 * Stage 9: the PDF's metadata, and reproducible bytes. Chrome stamps every PDF with the time
 * of printing and writes no document ID, so two builds of the same guide differ. This sets
 * the document information (title, author, subject, keywords, creator and producer
 * "studyguide"), the document language, an XMP metadata stream with the same facts, fixed
 * creation and modification dates and a document ID computed from the content.
 *
 * The date is `SOURCE_DATE_EPOCH` when set (https://reproducible-builds.org/specs/source-date-epoch/),
 * else the guide's `date:` (its first day, midnight UTC), else the guide file's modification time.
 *
 * pdf-lib rewrites the file from the objects it read, so Chrome's structure tree (tagged PDF),
 * outline and fonts are kept as they were; object streams are not used, as Chrome uses none.
 */
import { PDFHexString, PDFName, PDFRef, PDFString, type PDFDict, type PDFDocument } from 'pdf-lib';
import type { GuideMeta } from '../guide.js';
import { loadPdf, savePdf } from './document.js';
import { documentInfo, producer, withContentId, xmp, type DocumentInfo, type MetadataOptions } from './info.js';

export { documentDate, documentInfo, producer, renumberNodeIds, xmp, type DocumentInfo, type MetadataOptions } from './info.js';

/** Sets the metadata of a PDF printed by Chrome and returns the new, reproducible bytes. */
export async function setPdfMetadata(pdf: Uint8Array, meta: GuideMeta, options: MetadataOptions): Promise<Uint8Array> {
  return writeMetadata(pdf, await documentInfo(meta, options));
}

export async function writeMetadata(pdf: Uint8Array, info: DocumentInfo): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  setDocumentMetadata(doc, info);
  return saveWithId(doc);
}

/** Sets the information dictionary, language and XMP of a loaded document (see `writeMetadata`). */
export function setDocumentMetadata(doc: PDFDocument, info: DocumentInfo): void {
  const { context, catalog } = doc;

  // A fresh information dictionary, so nothing of Chrome's (the time of printing) is left.
  const text = (s: string) => PDFHexString.fromText(s);
  const entries: [string, PDFHexString | PDFString][] = [['Title', text(info.title)]];
  if (info.authors.length > 0) entries.push(['Author', text(info.authors.join(', '))]);
  if (info.subject) entries.push(['Subject', text(info.subject)]);
  if (info.keywords.length > 0) entries.push(['Keywords', text(info.keywords.join(', '))]);
  entries.push(['Creator', text(producer)], ['Producer', text(producer)]);
  entries.push(['CreationDate', PDFString.fromDate(info.date)], ['ModDate', PDFString.fromDate(info.date)]);
  const infoDict = context.obj({}) as PDFDict;
  for (const [key, value] of entries) infoDict.set(PDFName.of(key), value);
  const oldInfo = context.trailerInfo.Info;
  if (oldInfo instanceof PDFRef) context.assign(oldInfo, infoDict);
  else context.trailerInfo.Info = context.register(infoDict);

  catalog.set(PDFName.of('Lang'), PDFString.of(info.lang));
  // Viewers show the title, not the file name (PDF/UA asks for it).
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  // XMP in UTF-8, uncompressed, as PDF/A and PDF/UA checkers expect it.
  catalog.set(PDFName.of('Metadata'), context.register(context.stream(Buffer.from(xmp(info), 'utf8'), { Type: 'Metadata', Subtype: 'XML' })));

}

/** Saves a document with its reproducible identity (`withContentId` in src/pdf/info.ts). */
export async function saveWithId(doc: PDFDocument): Promise<Uint8Array> {
  delete doc.context.trailerInfo.ID;
  return withContentId(await savePdf(doc));
}

