/** Reads a references file in any supported format into a Library. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Reporter, StudyguideError } from '../diagnostics.js';
import { sha256 } from '../hash.js';
import type * as Bibtex from './bibtex.js';
import { readCslJson, readCslYaml } from './csl.js';
import { normalise, type RawEntry } from './normalise.js';
import type { Library } from './types.js';

export type { Library, Reference, Assessment, CslItem, SourceType } from './types.js';

export const referenceExtensions = ['.bib', '.bibtex', '.biblatex', '.json', '.yaml', '.yml'] as const;

let bibtex: typeof Bibtex | undefined;

/**
 * Loads the BibTeX reader (citation.js and its BibTeX plugin, about 0.08 s to load), which
 * only BibTeX files need; `loadLibrary` does it for them.
 */
export async function loadBibtex(): Promise<void> {
  bibtex ??= await import('./bibtex.js');
}

const isBibtex = (file: string) => !['.json', '.yaml', '.yml'].includes(path.extname(file).toLowerCase());

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
  if (isBibtex(file)) await loadBibtex();
  const library = parseLibrary(file, text, reporter);
  try {
    parsed.set(key, structuredClone({ library, diagnostics: reporter.diagnostics }));
    if (parsed.size > parsedKept) parsed.delete(parsed.keys().next().value as string);
  } catch {
    // Not plain data after all: simply not kept.
  }
  return { library, reporter };
}

export function parseLibrary(file: string, text: string, reporter: Reporter): Library {
  const ext = path.extname(file).toLowerCase();
  const body = text.replace(/^\uFEFF/, '');
  let raw: RawEntry[];
  if (ext === '.json') raw = readCslJson(body, reporter);
  else if (ext === '.yaml' || ext === '.yml') raw = readCslYaml(body, reporter);
  else if (bibtex) raw = bibtex.readBibtex(body, reporter);
  else throw new Error('internal: a BibTeX file parsed before the BibTeX reader was loaded (await loadBibtex first)');
  return normalise(file, raw, reporter);
}
