/**
 * Citation styles: APA by default; Chicago (author-date and notes), MLA, IEEE, Vancouver and
 * Harvard built in; or a teacher's own `.csl` file next to the guide. Locales follow the
 * guide's language, from citation.js or the CSL locales shipped in `csl/locales/`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { packagePath } from '../paths.js';

const cslDir = packagePath('csl');

interface Registry {
  has(name: string): boolean;
  add(name: string, value: unknown): void;
  get(name: string): unknown;
}
const config = () => plugins.config.get('@csl') as { templates: Registry; locales: Registry };

/** Names a teacher can write, and the style each stands for. */
export const styleAliases: Record<string, string> = {
  apa: 'apa',
  chicago: 'chicago-author-date',
  'chicago-author-date': 'chicago-author-date',
  'chicago-notes': 'chicago-note-bibliography',
  'chicago-note-bibliography': 'chicago-note-bibliography',
  mla: 'modern-language-association',
  'modern-language-association': 'modern-language-association',
  ieee: 'ieee',
  vancouver: 'vancouver',
  harvard: 'harvard1',
  harvard1: 'harvard1',
};

const shippedStyles = new Set(['chicago-author-date', 'chicago-note-bibliography', 'modern-language-association', 'ieee']);
const shippedLocales = new Set(['en-GB', 'uk-UA', 'ru-RU', 'pl-PL', 'it-IT', 'he-IL']);
const defaultRegion: Record<string, string> = {
  en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', nl: 'nl-NL', uk: 'uk-UA', ru: 'ru-RU', pl: 'pl-PL', it: 'it-IT', he: 'he-IL',
};

export interface Style {
  /** The name citeproc knows the style by. */
  id: string;
  /** Note styles put citations in numbered notes instead of the text. */
  isNote: boolean;
  /**
   * True when a citation's text depends only on the works and the library, not on which
   * citations come before it: an in-text style without numbers ("[3]"), without position
   * tests ("ibid.", first or later mention) and with a sorted bibliography (so that "2001a"
   * and "2001b" follow the list, not the order of citing). Then both editions share one
   * formatting run (src/references/format.ts).
   */
  orderFree: boolean;
}

/** Whether a style's citations can be formatted once for every edition (see `Style.orderFree`). */
export function isOrderFree(xml: string): boolean {
  const bibliography = /<bibliography\b[\s\S]*?<\/bibliography>/.exec(xml)?.[0] ?? '';
  return !isNoteStyle(xml) && !/\bposition\s*=/.test(xml) && !/citation-number/.test(xml) && /<sort\b/.test(bibliography);
}

function isNoteStyle(xml: string): boolean {
  return /<style[^>]*\bclass\s*=\s*["']note["']/.test(xml);
}

export class StyleError extends Error {}

/** Resolves a style name or a `.csl` path (relative to `baseDir`) and registers it. */
export function resolveStyle(nameOrFile: string | undefined, baseDir: string): Style {
  const wanted = (nameOrFile ?? 'apa').trim();
  if (/\.csl$/i.test(wanted)) return registerFile(path.resolve(baseDir, wanted));
  const id = styleAliases[wanted.toLowerCase()];
  if (!id) throw new StyleError(`unknown citation style "${wanted}"; use one of ${Object.keys(styleAliases).join(', ')}, or the name of a .csl file next to the guide`);
  const templates = config().templates;
  if (shippedStyles.has(id) && !templates.has(id)) {
    templates.add(id, readFileSync(path.join(cslDir, 'styles', `${id}.csl`), 'utf8'));
  }
  const xml = templates.get(id);
  return { id, isNote: id === 'chicago-note-bibliography', orderFree: typeof xml === 'string' && isOrderFree(xml) };
}

function registerFile(file: string): Style {
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch {
    throw new StyleError(`citation style file "${path.basename(file)}" not found next to the guide`);
  }
  if (!/<style[\s>]/.test(xml)) throw new StyleError(`"${path.basename(file)}" is not a CSL style (no <style> element)`);
  const id = `file-${createHash('sha256').update(xml).digest('hex').slice(0, 16)}`;
  const templates = config().templates;
  if (!templates.has(id)) templates.add(id, xml);
  return { id, isNote: isNoteStyle(xml), orderFree: isOrderFree(xml) };
}

/** The CSL locale for a guide language, registering a shipped one on first use. */
export function cslLocale(lang: string): string {
  const [primary = 'en', region] = lang.split('-');
  const candidates = [region ? `${primary.toLowerCase()}-${region.toUpperCase()}` : undefined, defaultRegion[primary.toLowerCase()]].filter((c): c is string => Boolean(c));
  const locales = config().locales;
  for (const c of candidates) {
    if (locales.has(c)) return c;
    if (shippedLocales.has(c)) {
      locales.add(c, readFileSync(path.join(cslDir, 'locales', `${c}.xml`), 'utf8'));
      return c;
    }
  }
  return 'en-US';
}
