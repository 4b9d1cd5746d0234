/**
 * studyguide's cache on disk, for work a new process would otherwise repeat:
 * - `citations/`: formatted citations, so that building a guide again (after an edit to its
 *   text, a template or the theme) does not start citeproc-js: building its engine for a
 *   style and formatting a guide's citations cost about 0.5 s of a cold process. An entry is
 *   found by a hash of everything the formatting depends on (see `formatEditionCitations`)
 *   and of the code that made it, so a changed guide, references file, style, language or
 *   studyguide version simply misses.
 * - `parsed/`: the mdast tree of each part of a guide text parsed (src/parse.ts), by a hash of
 *   the part and the parsing code: micromark takes 40–200 ms for a guide, reading its trees back
 *   a few milliseconds, and an edit to one section parses only that section.
 * - `references/`: the entries of each references file read (src/references/read.ts), by a
 *   hash of its text and the reading code: the `yaml` package takes 0.1–0.15 s for a 16 kB
 *   file in a new process, and BibTeX first loads citation.js; reading them back, about 1 ms.
 * - `builds/`: what the last build printed at each PDF path (src/last-build.ts), so that the
 *   next run keeps the PDFs of editions that did not change instead of printing them again.
 * - `pages/`: where a print found the link targets of a document, by a hash of its text (page
 *   numbers as placeholders) and paper (src/last-build.ts `documentPages`), so that printing
 *   the same guide into another folder needs neither an estimate nor a second print.
 * - `code/`: V8's compiled code of the command line's bundle (src/start.ts).
 *
 * The cache lives in `$STUDYGUIDE_CACHE_DIR`, else `$XDG_CACHE_HOME/studyguide`, else
 * `~/.cache/studyguide`; `STUDYGUIDE_CACHE_DIR=` (empty) turns it off. Nothing here can fail a
 * build: an entry that cannot be read, parsed or written is treated as missing.
 */
import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeFolderSync } from '../paths.js';

/** Entries kept per area; beyond that the oldest are removed (checked every `pruneEvery` writes, so up to that many more). */
const keep = 500;
const pruneEvery = 32;
const writesSincePrune = new Map<string, number>();

/** The cache folder, or undefined when caching is off. */
export function cacheDir(): string | undefined {
  const set = process.env.STUDYGUIDE_CACHE_DIR;
  if (set !== undefined) return set.trim() === '' ? undefined : path.resolve(set);
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'studyguide');
  const home = os.homedir();
  return home ? path.join(home, '.cache', 'studyguide') : undefined;
}

function entryFile(area: string, key: string, ext: string): string | undefined {
  const dir = cacheDir();
  return dir && /^[a-f0-9]{16,128}$/.test(key) ? path.join(dir, area, `${key}${ext}`) : undefined;
}

export function readCache(area: string, key: string): unknown {
  const text = readCacheFile(area, key, '.json');
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function writeCache(area: string, key: string, value: unknown, keepEntries = keep): void {
  writeCacheFile(area, key, '.json', JSON.stringify(value), keepEntries);
}

/** The bytes of an entry, or undefined when it is missing, unreadable or caching is off. */
export function readCacheFile(area: string, key: string, ext: string): Buffer | undefined {
  const file = entryFile(area, key, ext);
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** When an entry was written or last touched (`touchCache`), in ms; undefined when it is missing. */
export function cacheEntryTime(area: string, key: string, ext = '.json'): number | undefined {
  const file = entryFile(area, key, ext);
  return file ? statSync(file, { throwIfNoEntry: false })?.mtimeMs : undefined;
}

/** Marks an entry as used now: it is then the last to be pruned, and `cacheEntryTime` says now. */
export function touchCache(area: string, key: string, ext = '.json'): void {
  const file = entryFile(area, key, ext);
  if (!file) return;
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Gone or read-only: nothing depends on it.
  }
}

/** Writes an entry atomically; beyond `keepEntries` in its area, the oldest go. */
export function writeCacheFile(area: string, key: string, ext: string, data: string | Uint8Array, keepEntries = keep): void {
  const file = entryFile(area, key, ext);
  if (!file) return;
  try {
    makeFolderSync(path.dirname(file));
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
    // The folder is listed on the first write of a run and then every `pruneEvery` writes:
    // listing it on each write would cost more than the write in a batch of guides.
    const dir = path.dirname(file);
    const since = writesSincePrune.get(dir);
    if (since === undefined || since + 1 >= pruneEvery) {
      prune(dir, ext, keepEntries);
      writesSincePrune.set(dir, 0);
    } else writesSincePrune.set(dir, since + 1);
  } catch {
    // A read-only home, a full disk: the next run does the work again.
  }
}

function prune(dir: string, ext: string, keepEntries: number): void {
  const names = readdirSync(dir).filter((n) => n.endsWith(ext));
  if (names.length <= keepEntries) return;
  const byAge = names.map((n) => ({ n, t: statSync(path.join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - keepEntries)) unlinkSync(path.join(dir, n));
}
