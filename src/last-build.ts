/**
 * What the last build printed at each PDF path, so that an edition whose inputs did not change
 * is not printed again. Kept in memory for the process (watch mode, the API) and, by the
 * command line, on disk for the next run (src/references/disk-cache.ts, `builds/`): building a
 * folder of guides again reprints only the editions that changed, and an unchanged edition
 * costs its load and render (tens of milliseconds) instead of a print.
 *
 * A PDF is reused only if printing again would give the same bytes (the PDFs are reproducible,
 * src/pdf/metadata.ts), that is if all of these are as they were:
 * - the HTML, rendered with the page numbers of that build, and the settings (metadata, paper,
 *   duplex, booklet, HTML output);
 * - every file the page loaded (images, stylesheets), by size and modification time, or, where
 *   the time differs, by content; an edition that loaded anything remote is always printed again;
 * - every file the build wrote, the same way: a PDF that was edited, replaced or deleted since
 *   is printed again;
 * - on disk also what prints: studyguide's code (the bundle), the bundled fonts' versions and
 *   the browser (its path, size and time; a remote browser's cannot be told, so nothing printed
 *   with one is kept).
 * `--force` prints every edition all the same.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bundleStamp } from './code-hash.js';
import { fontVersions } from './fonts.js';
import { sha256 } from './hash.js';
import { slugFromPath } from './paths.js';
import { cacheDir, cacheEntryTime, readCache, touchCache, writeCache } from './references/disk-cache.js';

/**
 * A file as a build left it. Its size and time say at once that it is unchanged; a file with
 * another time but the same size is compared by content, so that a fresh checkout of the guides
 * or an output folder restored by a CI cache (which keep the contents, not the times, or keep
 * times to the second) does not reprint everything.
 */
type Stamp = [file: string, size: number, mtimeMs: number, sha256: string];

/** What a build printed at a PDF path, and the files it read and wrote as they were then. */
export interface Printed {
  /** sha256 of the HTML printed. */
  html: string;
  settings: string;
  pages: ReadonlyMap<string, number> | undefined;
  loaded: Stamp[];
  outputs: Stamp[];
  blocked: string[];
  bytes: number;
  pageCount: number | undefined;
}

/** Records kept on disk: two per guide, small. */
const keepRecords = 5000;

const lastPrinted = new Map<string, Printed>();

/** Why an edition is printed rather than kept, for `--verbose`. */
export const printedBecause = {
  force: '--force',
  new: 'not built into this folder before',
  printer: 'studyguide, its fonts or the browser changed',
  settings: 'settings changed',
  content: 'content changed',
  loaded: 'an image or stylesheet it uses changed',
  output: 'its files were changed or removed',
} as const;
export type PrintedBecause = keyof typeof printedBecause;

/**
 * The last build of this PDF, if printing it again would give the same files, or else why
 * not. `printedWith` says what would print now (`printingIdentity`); it is asked only when a
 * record on disk is found.
 */
export async function unchanged(
  pdfFile: string,
  settings: string,
  render: (pages: ReadonlyMap<string, number> | undefined) => string,
  printedWith: () => Promise<string | undefined>,
): Promise<{ kept: Printed } | { because: PrintedBecause }> {
  const last = lastPrinted.get(pdfFile) ?? (await fromDisk(pdfFile, printedWith));
  if (typeof last === 'string') return { because: last };
  if (last.settings !== settings) return { because: 'settings' };
  if (sha256(render(last.pages)) !== last.html) return { because: 'content' };
  const [loaded, outputs] = await Promise.all([still(last.loaded), still(last.outputs)]);
  if (!loaded) return { because: 'loaded' };
  if (!outputs) return { because: 'output' };
  return { kept: last };
}

/**
 * A guess, before any guide is read, that a build will keep every PDF: each guide's PDFs (under
 * the name its path gives) are in the output folder, and their records on disk were written or
 * confirmed (`confirmKept`) after the last change to any file in the guide's folder. The build
 * then starts the browser only when a print needs it, instead of ahead of time (0.1–0.2 s of
 * CPU for nothing when nothing changed). Only a guess: `unchanged` decides what is kept, and a
 * wrong guess costs the first print the wait for the browser to start.
 */
export async function probablyAllKept(guides: readonly string[], outDir: string, editions: readonly string[]): Promise<boolean> {
  if (!bundleStamp(import.meta.url) || cacheDir() === undefined || guides.length === 0) return false;
  try {
    for (const file of guides) {
      const dir = path.dirname(file);
      const inputs = await Promise.all((await readdir(dir)).map((name) => stat(path.join(dir, name))));
      const newest = Math.max(...inputs.map((st) => st.mtimeMs));
      for (const edition of editions) {
        const pdf = path.join(outDir, `${slugFromPath(file)}.${edition}.pdf`);
        const key = recordKey(pdf);
        const confirmed = key ? cacheEntryTime('builds', key) : undefined;
        if (confirmed === undefined || confirmed < newest || readCache('builds', key as string) === null) return false;
        await stat(pdf);
      }
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the link targets were in the PDF last built at `pdfFile`, as its record says: the
 * guess for the first print of a rebuild, read without opening the PDF. Undefined without a
 * record (the caller then reads the PDF itself).
 */
export function recordedPages(pdfFile: string): ReadonlyMap<string, number> | undefined {
  const known = lastPrinted.get(pdfFile);
  if (known) return known.pages;
  const key = recordKey(pdfFile);
  const record = key ? readCache('builds', key) : undefined;
  return isRecord(record) && record.pages ? new Map(record.pages) : undefined;
}

/** Documents whose pages are remembered by their text (below): a few per guide, tiny. */
const keepDocumentPages = 5000;

/**
 * Where the link targets were when the same document was last printed, in any output folder:
 * by a hash of its HTML with the page numbers as placeholders, and the paper. The guess for a
 * first print that has no build of its own at the same path to go by (a new output folder, a
 * PDF deleted), better than an estimate: it is what a print found. A guess that no longer holds
 * (another browser, other system fonts) costs only the print that finds it wrong.
 */
export function documentPages(pendingHtml: string, paper: string): ReadonlyMap<string, number> | undefined {
  const value = readCache('pages', documentKey(pendingHtml, paper));
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Number.isInteger(e[1]) && (e[1] as number) > 0)) return undefined;
  return new Map(value as [string, number][]);
}

/** Remembers where a print found the link targets of a document (see `documentPages`). */
export function rememberDocumentPages(pendingHtml: string, paper: string, pages: ReadonlyMap<string, number>): void {
  if (pages.size > 0) writeCache('pages', documentKey(pendingHtml, paper), [...pages], keepDocumentPages);
}

function documentKey(pendingHtml: string, paper: string): string {
  return sha256(`${paper}\0${pendingHtml}`);
}

/** Notes that the record of `pdfFile` still stood in this build (for `probablyAllKept`). */
export function confirmKept(pdfFile: string): void {
  const key = recordKey(pdfFile);
  if (key) touchCache('builds', key);
}

/**
 * Remembers what was printed at `pdfFile` and the files read and written, as they are now.
 * `contents` are written files' bytes where the caller has them, so they are not read back.
 */
export async function remember(
  pdfFile: string,
  p: Omit<Printed, 'loaded' | 'outputs' | 'html'> & { html: string; loaded: string[]; written: string[]; contents?: ReadonlyMap<string, Uint8Array> },
  printedWith: string | undefined,
): Promise<void> {
  // Remote resources may change without notice: such an edition is always printed again.
  const loaded = p.loaded.some((f) => /^https?:/i.test(f)) ? undefined : await stamps(p.loaded);
  const outputs = await stamps(p.written, p.contents);
  const key = recordKey(pdfFile);
  if (!loaded || !outputs) {
    lastPrinted.delete(pdfFile);
    if (key) writeCache('builds', key, null, keepRecords);
    return;
  }
  const printed: Printed = { html: sha256(p.html), settings: p.settings, pages: p.pages, loaded, outputs, blocked: p.blocked, bytes: p.bytes, pageCount: p.pageCount };
  lastPrinted.set(pdfFile, printed);
  if (key) writeCache('builds', key, printedWith ? { ...printed, pages: printed.pages ? [...printed.pages] : null, pageCount: printed.pageCount ?? null, printedWith } : null, keepRecords);
}

/**
 * What prints, for the records on disk: studyguide's code, the bundled fonts and the browser
 * (`browser`: its path, size and time, or undefined for a remote one). Undefined when it cannot
 * be told: outside the command line's bundle (the library's modules have no one hash), or
 * with a remote browser.
 */
export function printingIdentity(browser: string | undefined): string | undefined {
  const code = bundleStamp(import.meta.url);
  return code && browser ? sha256(JSON.stringify([code, fontVersions(), browser])) : undefined;
}

/** The files as they are now (those in `contents` as given there), or undefined when one cannot be read. */
async function stamps(files: readonly string[], contents?: ReadonlyMap<string, Uint8Array>): Promise<Stamp[] | undefined> {
  const found = await Promise.all(
    files.map(async (f): Promise<Stamp | undefined> => {
      try {
        const [st, bytes] = await Promise.all([stat(f), contents?.get(f) ?? readFile(f)]);
        if (st.size !== bytes.byteLength) return undefined; // changed since it was written
        return [f, st.size, st.mtimeMs, sha256(bytes)];
      } catch {
        return undefined;
      }
    }),
  );
  return found.every((f) => f !== undefined) ? found : undefined;
}

/** Whether every file is as stamped: the same size and time, or the same size and content. */
async function still(then: readonly Stamp[]): Promise<boolean> {
  const same = await Promise.all(
    then.map(async ([file, size, mtimeMs, hash]) => {
      const st = await stat(file).catch(() => undefined);
      if (!st || st.size !== size) return false;
      if (st.mtimeMs === mtimeMs) return true;
      const bytes = await readFile(file).catch(() => undefined);
      return bytes !== undefined && sha256(bytes) === hash;
    }),
  );
  return same.every(Boolean);
}

function recordKey(pdfFile: string): string | undefined {
  return bundleStamp(import.meta.url) ? sha256(path.resolve(pdfFile)) : undefined;
}

async function fromDisk(pdfFile: string, printedWith: () => Promise<string | undefined>): Promise<Printed | 'new' | 'printer'> {
  const key = recordKey(pdfFile);
  const record = key ? readCache('builds', key) : undefined;
  if (!isRecord(record)) return 'new';
  const identity = await printedWith();
  if (!identity || record.printedWith !== identity) return 'printer';
  return { ...record, pages: record.pages ? new Map(record.pages) : undefined, pageCount: record.pageCount ?? undefined };
}

interface DiskRecord extends Omit<Printed, 'pages' | 'pageCount'> {
  pages: [string, number][] | null;
  pageCount: number | null;
  printedWith: string;
}

const isStamp = (s: unknown): s is Stamp => Array.isArray(s) && s.length === 4 && typeof s[0] === 'string' && typeof s[1] === 'number' && typeof s[2] === 'number' && typeof s[3] === 'string';

function isRecord(value: unknown): value is DiskRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { [k in keyof DiskRecord]?: unknown };
  return (
    typeof r.html === 'string' &&
    typeof r.settings === 'string' &&
    typeof r.printedWith === 'string' &&
    typeof r.bytes === 'number' &&
    (r.pageCount === null || typeof r.pageCount === 'number') &&
    (r.pages === null || (Array.isArray(r.pages) && r.pages.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number'))) &&
    Array.isArray(r.loaded) &&
    r.loaded.every(isStamp) &&
    Array.isArray(r.outputs) &&
    r.outputs.every(isStamp) &&
    Array.isArray(r.blocked) &&
    r.blocked.every((b) => typeof b === 'string')
  );
}
