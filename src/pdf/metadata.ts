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
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFDict } from 'pdf-lib';
import { StudyguideError } from '../diagnostics.js';
import type { GuideMeta } from '../guide.js';

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
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
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

  // The ID is a hash of the document as written without one: same content, same ID.
  const withoutId = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  const hash = createHash('sha256').update(withoutId).digest('hex').slice(0, 32).toUpperCase();
  const id = PDFArray.withContext(context);
  id.push(PDFHexString.of(hash));
  id.push(PDFHexString.of(hash));
  context.trailerInfo.ID = id;
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
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
