/**
 * Checks of each entry that a reader of the handout would stumble on: a malformed DOI, ISBN
 * or URL (always a warning), and, for entries the teacher has not assessed, a missing
 * identifier, author or date (students could not check the source).
 */
import type { Reporter } from '../diagnostics.js';
import type { CslItem, Reference } from './types.js';

/** CSL fields that hold text (or a number); a mapping or list there prints as "[object Object]". */
const textFields = [
  'title', 'title-short', 'container-title', 'container-title-short', 'collection-title', 'publisher', 'publisher-place',
  'URL', 'DOI', 'ISBN', 'ISSN', 'page', 'volume', 'issue', 'edition', 'number', 'genre', 'medium', 'section', 'version',
  'event', 'event-title', 'event-place', 'archive', 'archive_location', 'source', 'language', 'note', 'abstract',
];

export function checkEntry(ref: Reference, reporter: Reporter): void {
  const { csl } = ref;
  const where = ref.position;
  for (const field of textFields) {
    const value = csl[field];
    if (typeof value === 'object' && value !== null) {
      // In YAML, {{ placeholder }} and [text] are a mapping and a list: quotes make them text.
      reporter.error(`entry "${ref.id}": field "${field}" is not text (in YAML, put a value that starts with "{" or "[" in quotes)`, 'reference-field-type', where);
    }
  }
  const doi = typeof csl.DOI === 'string' ? csl.DOI : undefined;
  if (doi !== undefined && !isDoi(doi)) reporter.warn(`entry "${ref.id}": "${doi}" is not a DOI (a DOI looks like 10.1080/01636600902773248)`, 'reference-bad-doi', where);
  const isbn = typeof csl.ISBN === 'string' ? csl.ISBN : undefined;
  if (isbn !== undefined) {
    for (const one of isbn.split(/[,;]|\s(?=\d{9})/).map((s) => s.trim()).filter(Boolean)) {
      if (!isIsbn(one)) reporter.warn(`entry "${ref.id}": "${one}" is not a valid ISBN (wrong length or check digit)`, 'reference-bad-isbn', where);
    }
  }
  const url = typeof csl.URL === 'string' ? csl.URL : undefined;
  if (url !== undefined && !isWebUrl(url)) reporter.warn(`entry "${ref.id}": "${url}" is not a web address (expected http:// or https://)`, 'reference-bad-url', where);

  if (ref.assessment.rating !== undefined) return;
  const missing = [
    hasNames(csl) ? undefined : 'no author',
    hasDate(csl) ? undefined : 'no date',
    doi || isbn || url ? undefined : 'no DOI, ISBN or URL',
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0) {
    reporter.warn(`entry "${ref.id}" has ${missing.join(', ')}: students cannot easily check it (add what is missing, or give it a reliability rating)`, 'reference-incomplete', where);
  }
}

export function isDoi(value: string): boolean {
  return /^10\.\d{4,9}\/\S+$/.test(value.trim());
}

/** ISBN-10 or ISBN-13 with a correct check digit; hyphens and spaces ignored. */
export function isIsbn(value: string): boolean {
  const s = value.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(s)) {
    const sum = [...s].reduce((acc, ch, i) => acc + (ch === 'X' ? 10 : Number(ch)) * (10 - i), 0);
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(s)) {
    const sum = [...s].reduce((acc, ch, i) => acc + Number(ch) * (i % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0;
  }
  return false;
}

export function isWebUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

export function hasNames(csl: CslItem): boolean {
  return [...(csl.author ?? []), ...(csl.editor ?? [])].some((n) => Boolean(n.family || n.literal));
}

export function hasDate(csl: CslItem): boolean {
  const issued = csl.issued;
  if (!issued) return false;
  const first = issued['date-parts']?.[0]?.[0];
  return (first !== undefined && first !== null && String(first) !== '') || Boolean(issued.literal || issued.raw);
}
