/** Reads a references file in any supported format into a Library. */
import { readFile } from 'node:fs/promises';
import { Reporter, StudyguideError } from '../diagnostics.js';
import { sha256 } from '../hash.js';
import { normalise } from './normalise.js';
import { readEntries, readEntriesNow, referencesFormat } from './read.js';
import type { Library } from './types.js';

export type { Library, Reference, Assessment, CslItem, SourceType } from './types.js';

export const referenceExtensions = ['.bib', '.bibtex', '.biblatex', '.json', '.yaml', '.yml'] as const;

export { loadBibtex } from './read.js';

/**
 * Parsed references by file and content, so that a rebuild in watch mode after an edit to the
 * guide does not parse an unchanged references file again. Callers get copies.
 */
const parsed = new Map<string, { library: Library; diagnostics: Reporter['diagnostics'] }>();
const parsedKept = 16;

export async function loadLibrary(file: string): Promise<{ library: Library; reporter: Reporter }> {
  const reporter = new Reporter(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new StudyguideError(`cannot read references file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const key = `${file}\0${sha256(text)}`;
  const entry = parsed.get(key);
  if (entry) {
    reporter.diagnostics.push(...structuredClone(entry.diagnostics));
    return { library: structuredClone(entry.library), reporter };
  }
  // Entries read before come from the disk cache (src/references/read.ts); they are checked here each time.
  const library = normalise(file, await readEntries(referencesFormat(file), withoutBom(text), reporter), reporter);
  try {
    parsed.set(key, structuredClone({ library, diagnostics: reporter.diagnostics }));
    if (parsed.size > parsedKept) parsed.delete(parsed.keys().next().value as string);
  } catch {
    // Not plain data after all: simply not kept.
  }
  return { library, reporter };
}

/** The same without the caches, at once (a BibTeX file needs `loadBibtex` first). */
export function parseLibrary(file: string, text: string, reporter: Reporter): Library {
  return normalise(file, readEntriesNow(referencesFormat(file), withoutBom(text), reporter), reporter);
}

const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');
