/**
 * A references file read into raw entries, kept in studyguide's disk cache (`references/`,
 * src/references/disk-cache.ts) by the file's text and the reading code.
 *
 * Reading is slow in a new process, where the readers' code has not been optimised yet: the
 * demo's 16 kB CSL-YAML file takes about 0.1–0.15 s with the `yaml` package, and a BibTeX
 * file first loads citation.js and its BibTeX plugin (about 0.08 s). A references file seldom
 * changes while its guide is edited and built again, so the entries of a text read before
 * come back from the cache in about a millisecond, and the BibTeX reader is not loaded at all.
 *
 * Only a clean read is kept: a file with a syntax error is read again each time, so its
 * messages are always the reader's own. Entries are checked and cleaned (`normalise`) after
 * this, on every run, so that what the checks report never depends on the cache.
 */
import path from 'node:path';
import type { Reporter } from '../diagnostics.js';
import { codeStamp } from '../code-hash.js';
import { sha256 } from '../hash.js';
import type * as Bibtex from './bibtex.js';
import { readCslJson, readCslYaml, isRecord } from './csl.js';
import { readCache, writeCache } from './disk-cache.js';
import type { RawEntry } from './normalise.js';

export type ReferencesFormat = 'csl-json' | 'csl-yaml' | 'bibtex';

export function referencesFormat(file: string): ReferencesFormat {
  const ext = path.extname(file).toLowerCase();
  return ext === '.json' ? 'csl-json' : ext === '.yaml' || ext === '.yml' ? 'csl-yaml' : 'bibtex';
}

let bibtex: typeof Bibtex | undefined;

/**
 * Loads the BibTeX reader (citation.js and its BibTeX plugin, about 0.08 s to load), which
 * only BibTeX files read anew need.
 */
export async function loadBibtex(): Promise<void> {
  bibtex ??= await import('./bibtex.js');
}

/** Reads a references text (without its byte-order mark) in the format `format`; the BibTeX reader must be loaded for BibTeX. */
export function readEntriesNow(format: ReferencesFormat, text: string, reporter: Reporter): RawEntry[] {
  if (format === 'csl-json') return readCslJson(text, reporter);
  if (format === 'csl-yaml') return readCslYaml(text, reporter);
  if (!bibtex) throw new Error('internal: a BibTeX file read before the BibTeX reader was loaded (await loadBibtex first)');
  return bibtex.readBibtex(text, reporter);
}

/** Entries kept: one per references text read; a few hundred bytes to a few hundred kB each. */
const keepEntries = 200;
/** A text longer than this is read each time. */
const cachedUpTo = 4 * 1024 * 1024;

/** The same as `readEntriesNow`, from the disk cache when this text was read cleanly before. */
export async function readEntries(format: ReferencesFormat, text: string, reporter: Reporter): Promise<RawEntry[]> {
  const key = text.length <= cachedUpTo ? cacheKey(format, text) : undefined;
  const cached = key ? fromDisk(readCache('references', key)) : undefined;
  if (cached) return cached;
  if (format === 'bibtex') await loadBibtex();
  const before = reporter.diagnostics.length;
  const entries = readEntriesNow(format, text, reporter);
  if (key && reporter.diagnostics.length === before && survivesJson(entries)) writeCache('references', key, entries, keepEntries);
  return entries;
}

/**
 * The code that reads: this module (in the command line's bundle, the bundle), the readers'
 * own files, and the packages they use.
 */
function cacheKey(format: ReferencesFormat, text: string): string {
  const stamp = codeStamp(import.meta.url, ['yaml', '@citation-js/core', '@citation-js/plugin-bibtex'], ['./csl.js', './bibtex.js']);
  return sha256(JSON.stringify([stamp, format, text]));
}

/** Entries go to disk only when JSON gives them back as they are (no `.inf`, dates or the like). */
function survivesJson(entries: RawEntry[]): boolean {
  try {
    return sameShape(JSON.parse(JSON.stringify(entries)) as unknown, entries);
  } catch {
    return false;
  }
}

function sameShape(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameShape(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === Object.keys(a).length && keys.every((k) => sameShape(a[k], b[k]));
  }
  return false;
}

function fromDisk(value: unknown): RawEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries: RawEntry[] = [];
  for (const v of value as unknown[]) {
    if (!isRecord(v) || !isRecord(v.item) || typeof v.index !== 'number') return undefined;
    if (v.key !== undefined && typeof v.key !== 'string') return undefined;
    const p = v.position;
    if (p !== undefined && !(isRecord(p) && typeof p.line === 'number' && typeof p.column === 'number')) return undefined;
    entries.push({ key: v.key, item: v.item, position: p === undefined ? undefined : { line: p.line as number, column: p.column as number }, index: v.index });
  }
  return entries;
}
