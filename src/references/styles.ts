/**
 * Citation styles: APA by default; Chicago (author-date and notes), MLA, IEEE, Vancouver and
 * Harvard built in; or a teacher's own `.csl` file next to the guide. Resolving a style needs
 * no CSL processor: its XML is kept here and handed to citation.js only when citations are
 * formatted (src/references/csl-engine.ts, which also picks the locale).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../hash.js';
import { packagePath } from '../paths.js';

const cslDir = packagePath('csl');

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

/**
 * The styles citation.js itself ships, whose XML is not at hand without loading it: what
 * `isOrderFree` says of them (checked against their XML in tests/references/styles.test.ts).
 */
export const builtinStyles: Record<string, { orderFree: boolean }> = { apa: { orderFree: true }, harvard1: { orderFree: true }, vancouver: { orderFree: false } };

/** The XML of the styles resolved in this process, by id (citation.js's own are not here). */
const xmlById = new Map<string, string>();

export function styleXml(id: string): string | undefined {
  return xmlById.get(id);
}

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

/** Resolves a style name or a `.csl` path (relative to `baseDir`). */
export function resolveStyle(nameOrFile: string | undefined, baseDir: string): Style {
  const wanted = (nameOrFile ?? 'apa').trim();
  if (/\.csl$/i.test(wanted)) return registerFile(path.resolve(baseDir, wanted));
  const id = styleAliases[wanted.toLowerCase()];
  if (!id) throw new StyleError(`unknown citation style "${wanted}"; use one of ${Object.keys(styleAliases).join(', ')}, or the name of a .csl file next to the guide`);
  const builtin = builtinStyles[id];
  if (builtin) return { id, isNote: false, orderFree: builtin.orderFree };
  let xml = xmlById.get(id);
  if (xml === undefined && shippedStyles.has(id)) {
    xml = readFileSync(path.join(cslDir, 'styles', `${id}.csl`), 'utf8');
    xmlById.set(id, xml);
  }
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
  const id = `file-${sha256(xml).slice(0, 16)}`;
  xmlById.set(id, xml);
  return { id, isNote: isNoteStyle(xml), orderFree: isOrderFree(xml) };
}
