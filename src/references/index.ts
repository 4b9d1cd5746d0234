/** Reads a references file in any supported format into a Library. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Reporter, StudyguideError } from '../diagnostics.js';
import { readBibtex } from './bibtex.js';
import { readCslJson, readCslYaml } from './csl.js';
import { normalise, type RawEntry } from './normalise.js';
import type { Library } from './types.js';

export type { Library, Reference, Assessment, CslItem, SourceType } from './types.js';

export const referenceExtensions = ['.bib', '.bibtex', '.biblatex', '.json', '.yaml', '.yml'] as const;

export async function loadLibrary(file: string): Promise<{ library: Library; reporter: Reporter }> {
  const reporter = new Reporter(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new StudyguideError(`cannot read references file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return { library: parseLibrary(file, text, reporter), reporter };
}

export function parseLibrary(file: string, text: string, reporter: Reporter): Library {
  const ext = path.extname(file).toLowerCase();
  const body = text.replace(/^\uFEFF/, '');
  let raw: RawEntry[];
  if (ext === '.json') raw = readCslJson(body, reporter);
  else if (ext === '.yaml' || ext === '.yml') raw = readCslYaml(body, reporter);
  else raw = readBibtex(body, reporter);
  return normalise(file, raw, reporter);
}
