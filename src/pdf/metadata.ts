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
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { PDFHexString, PDFName, PDFRef, PDFString, type PDFDict, type PDFDocument } from 'pdf-lib';
import { StudyguideError } from '../diagnostics.js';
import type { GuideMeta } from '../guide.js';
import { loadPdf, savePdf } from './document.js';

export const producer = 'studyguide';

export interface MetadataOptions {
  /** The guide file, whose modification time is the fallback date. */
  file: string;
  /** Where `SOURCE_DATE_EPOCH` is read from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** What is written into the PDF; `documentInfo` derives it from the guide. */
export interface DocumentInfo {
  title: string;
  authors: string[];
  subject?: string;
  keywords: string[];
  lang: string;
  date: Date;
}

/** Sets the metadata of a PDF printed by Chrome and returns the new, reproducible bytes. */
export async function setPdfMetadata(pdf: Uint8Array, meta: GuideMeta, options: MetadataOptions): Promise<Uint8Array> {
  return writeMetadata(pdf, await documentInfo(meta, options));
}

export async function documentInfo(meta: GuideMeta, options: MetadataOptions): Promise<DocumentInfo> {
  const info: DocumentInfo = { title: meta.title, authors: meta.authors, keywords: meta.keywords, lang: meta.lang, date: await documentDate(meta, options) };
  const subject = meta.subtitle ?? meta.description;
  if (subject) info.subject = subject;
  return info;
}

/** The date written as the PDF's creation and modification date. */
export async function documentDate(meta: Pick<GuideMeta, 'date'>, options: MetadataOptions): Promise<Date> {
  const epoch = (options.env ?? process.env).SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch.trim() !== '') {
    if (!/^\d{1,15}$/.test(epoch.trim())) {
      throw new StudyguideError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (found "${epoch}")`);
    }
    return new Date(Number(epoch.trim()) * 1000);
  }
  if (meta.date) {
    const [y, m = '1', d = '1'] = meta.date.split('-');
    return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  }
  const { mtimeMs } = await stat(options.file);
  return new Date(Math.floor(mtimeMs / 1000) * 1000);
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

/**
 * Saves a document with an ID that is a hash of the document as written without one: same
 * content, same ID. The ID goes into the trailer, which comes after every object and the
 * cross-reference table, so adding it moves no offset.
 */
export async function saveWithId(doc: PDFDocument): Promise<Uint8Array> {
  delete doc.context.trailerInfo.ID;
  const bytes = renumberNodeIds(await savePdf(doc));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32).toUpperCase();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const trailer = text.lastIndexOf('trailer');
  const end = trailer < 0 ? -1 : text.indexOf('>>', trailer);
  if (end < 0) throw new StudyguideError('could not write the PDF: pdf-lib wrote no trailer');
  const id = Buffer.from(`/ID [ <${hash}> <${hash}> ]\n`, 'latin1');
  return Buffer.concat([bytes.subarray(0, end), id, bytes.subarray(end)]);
}

/**
 * Chrome names the elements of the tagged structure that others refer to (table header
 * cells) after its internal node numbers, `(node00002488)`, which count every node the
 * browser has made so far: the same document printed after another one gets other numbers.
 * They are renumbered from 1 in the same order and at the same width, so no offset moves and
 * the name tree that lists them stays sorted.
 */
export function renumberNodeIds(bytes: Uint8Array): Uint8Array {
  const pattern = /\(node(\d{1,12})\)/g;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = [...new Set([...text.matchAll(pattern)].map((m) => m[1] ?? ''))].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  if (found.length === 0) return bytes;
  const renamed = new Map(found.map((old, i) => [old, String(i + 1).padStart(old.length, '0')]));
  // A number that does not fit its old width would move offsets: leave the file as it is.
  if ([...renamed].some(([old, next]) => next.length !== old.length)) return bytes;
  return Buffer.from(text.replace(pattern, (_, old: string) => `(node${renamed.get(old) ?? old})`), 'latin1');
}

/** XMP packet with the same facts as the information dictionary, for tools that read XMP. */
function xmp(info: DocumentInfo): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const date = info.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lang = esc(info.lang);
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(info.title)}</rdf:li></rdf:Alt></dc:title>`,
  ];
  if (info.authors.length > 0) lines.push(`<dc:creator><rdf:Seq>${info.authors.map((a) => `<rdf:li>${esc(a)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>`);
  if (info.subject) lines.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(info.subject)}</rdf:li></rdf:Alt></dc:description>`);
  if (info.keywords.length > 0) {
    lines.push(`<dc:subject><rdf:Bag>${info.keywords.map((k) => `<rdf:li>${esc(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`);
    lines.push(`<pdf:Keywords>${esc(info.keywords.join(', '))}</pdf:Keywords>`);
  }
  lines.push(
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Producer>${producer}</pdf:Producer>`,
    `<xmp:CreatorTool>${producer}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  );
  return lines.join('\n');
}
