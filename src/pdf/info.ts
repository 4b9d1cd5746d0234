/**
 * What studyguide writes into a PDF's metadata (document information, XMP, dates), and the
 * renumbering that makes Chrome's output reproducible. No PDF library here: used both by the
 * direct finisher (src/pdf/finish.ts) and by the pdf-lib one (src/pdf/metadata.ts).
 *
 * The date is `SOURCE_DATE_EPOCH` when set (https://reproducible-builds.org/specs/source-date-epoch/),
 * else the guide's `date:` (its first day, midnight UTC), else the guide file's modification time.
 */
import { stat } from 'node:fs/promises';
import { StudyguideError } from '../diagnostics.js';
import type { GuideMeta } from '../guide.js';
import { sha256 } from '../hash.js';
import { isDigit } from './reader.js';

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

/**
 * Chrome names the elements of the tagged structure that others refer to (table header
 * cells) after its internal node numbers, `(node00002488)`, which count every node the
 * browser has made so far: the same document printed after another one gets other numbers.
 * They are renumbered from 1 in the same order and at the same width, so no offset moves and
 * the name tree that lists them stays sorted.
 */
export function renumberNodeIds(bytes: Uint8Array): Uint8Array {
  // `(node` + 1 to 12 digits + `)`, found in the bytes: the file is not decoded to text for this.
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const spots: { at: number; digits: string }[] = [];
  for (let at = file.indexOf('(node'); at >= 0; at = file.indexOf('(node', at + 1)) {
    let end = at + 5;
    while (end - at - 5 <= 12 && isDigit(file[end])) end++;
    const width = end - at - 5;
    if (width >= 1 && width <= 12 && file[end] === 0x29) spots.push({ at: at + 5, digits: file.toString('latin1', at + 5, end) });
  }
  const found = [...new Set(spots.map((s) => s.digits))].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  if (found.length === 0) return bytes;
  const renamed = new Map(found.map((old, i) => [old, String(i + 1).padStart(old.length, '0')]));
  // A number that does not fit its old width would move offsets: leave the file as it is.
  if ([...renamed].some(([old, next]) => next.length !== old.length)) return bytes;
  const out = Buffer.from(file);
  for (const { at, digits } of spots) out.write(renamed.get(digits) ?? digits, at, 'latin1');
  return out;
}

/**
 * Gives a finished PDF its reproducible identity: Chrome's structure ids renumbered (see
 * `renumberNodeIds`), then an `/ID` that is a hash of the file as written without one (same
 * content, same ID). The ID goes into the last trailer, which comes after every object and the
 * cross-reference table, so adding it moves no offset. `bytes` must have no `/ID` yet.
 */
export function withContentId(bytes: Uint8Array): Uint8Array {
  const renumbered = renumberNodeIds(bytes);
  const file = Buffer.from(renumbered.buffer, renumbered.byteOffset, renumbered.byteLength);
  const hash = sha256(file).slice(0, 32).toUpperCase();
  const trailer = file.lastIndexOf('trailer');
  const end = trailer < 0 ? -1 : file.indexOf('>>', trailer);
  if (end < 0) throw new StudyguideError('could not write the PDF: it has no trailer');
  return Buffer.concat([file.subarray(0, end), Buffer.from(`/ID [<${hash}> <${hash}>]\n`, 'latin1'), file.subarray(end)]);
}

/** XMP packet with the same facts as the information dictionary, for tools that read XMP. */
export function xmp(info: DocumentInfo): string {
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
