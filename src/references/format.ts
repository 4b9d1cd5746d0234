/**
 * Stage 3: citations and bibliography formatted by CSL (citeproc-js through citation-js).
 * In note styles, numeric styles and styles with "ibid.", one processor run per guide and
 * edition, citation after citation in document order, so that note numbers and "ibid." follow
 * what that edition prints. In the other styles ("order-free": APA, Chicago author-date, MLA,
 * Harvard) one run serves both editions, and it is cheaper: the cited items are registered at
 * once, which settles disambiguation ("2001a", added initials), and each citation is then
 * formatted on its own (about 40% less time than the document-order run, same text).
 * citeproc-js takes about 1–4 ms per citation, and building its engine for a style about
 * 0.3 s, so results are kept by their inputs: in memory for the run (and each rebuild in watch
 * mode), and on disk for the next run (src/references/disk-cache.ts).
 */
import type { Cluster } from '../citations.js';
import { codeStamp } from '../code-hash.js';
import type * as CslEngine from './csl-engine.js';
import type { CiteprocEngine } from './csl-engine.js';
import { sha256 } from '../hash.js';
import { readCache, writeCache } from './disk-cache.js';
import type { Style } from './styles.js';
import type { Library } from './types.js';

let csl: typeof CslEngine | undefined;

/** Loads citation.js and citeproc-js (src/references/csl-engine.ts); needed before formatting. */
export async function loadCsl(): Promise<void> {
  csl ??= await import('./csl-engine.js');
}

function loadedCsl(): typeof CslEngine {
  if (!csl) throw new Error('internal: citations formatted before the CSL processor was loaded (await prepareCitations or loadCsl first)');
  return csl;
}

export interface FormattedCitations {
  /** What stands in the text for each cluster, by cluster id: a citation or a note number. */
  clusters: string[];
  /** For note styles: the notes, in order. */
  notes: { number: number; html: string }[];
  /** Bibliography entries as HTML, with their keys, in the style's order. */
  bibliography: { id: string; html: string }[];
}

/** Formatted citations by a hash of everything they depend on; the newest few are kept. */
const cache = new Map<string, FormattedCitations>();
const cacheSize = 32;

/** Forgets the formatted citations kept in this process (the disk cache stays). */
export function clearCitationCache(): void {
  cache.clear();
}

/**
 * The citations and bibliography one edition prints. `clusters` are all of the guide's
 * citations; those the edition does not print are left out here, or (in an order-free
 * style, where leaving them out changes nothing) formatted with the rest and not shown.
 */
export function formatEditionCitations(library: Library | undefined, clusters: readonly Cluster[], edition: 'student' | 'teacher', lang: string, style: Style): FormattedCitations {
  const visible = visibleClusters(clusters, edition, style);
  if (!library || library.entries.size === 0) return formatCitations(library, visible, lang, style);
  const key = cacheKey(library, visible, lang, style);
  const cached = remembered(key);
  if (cached) return cached;
  const result = formatCitations(library, visible, lang, style);
  writeCache('citations', key, toDisk(result));
  keep(key, result);
  return result;
}

/**
 * Makes `formatEditionCitations` ready for an edition: its citations are taken from the disk
 * cache when they are there, and the CSL processor is loaded only when they are not.
 */
export async function prepareCitations(library: Library | undefined, clusters: readonly Cluster[], edition: 'student' | 'teacher', lang: string, style: Style): Promise<void> {
  if (!library || library.entries.size === 0) return;
  if (!remembered(cacheKey(library, visibleClusters(clusters, edition, style), lang, style))) await loadCsl();
}

/** Formatted citations from memory, else from the disk cache (then kept in memory too). */
function remembered(key: string): FormattedCitations | undefined {
  const found = cache.get(key) ?? fromDisk(readCache('citations', key));
  if (found) keep(key, found);
  return found;
}

/** Keeps the newest `cacheSize` results in memory, the one just used last. */
function keep(key: string, value: FormattedCitations): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
}

function visibleClusters(clusters: readonly Cluster[], edition: 'student' | 'teacher', style: Style): readonly Cluster[] {
  return style.orderFree ? clusters : clusters.filter((c) => (edition === 'student' ? !c.teacherOnly : !c.studentOnly));
}

function cacheKey(library: Library, visible: readonly Cluster[], lang: string, style: Style): string {
  return sha256(JSON.stringify([codeStampOfFormatting(), style.id, lang, [...library.entries.values()].map((e) => e.csl), visible.map((c) => [c.id, c.narrative, c.items.map(citeItem)])]));
}

export function formatCitations(library: Library | undefined, clusters: readonly Cluster[], lang: string, style: Style): FormattedCitations {
  const empty: FormattedCitations = { clusters: [], notes: [], bibliography: [] };
  if (!library || library.entries.size === 0) return empty;
  const data = [...library.entries.values()].map((r) => r.csl);
  const citeproc = loadedCsl().engineFor(data, style.id, lang);
  const notes: FormattedCitations['notes'] = [];

  const cited = [...new Set(clusters.flatMap((c) => c.items.map((i) => i.key)))];
  const uncited = data.map((d) => d.id).filter((id) => !cited.includes(id));
  try {
    const html = style.orderFree ? formatEach(citeproc, clusters, cited, uncited) : formatInOrder(citeproc, clusters, style, notes);
    if (!style.orderFree) citeproc.updateUncitedItems(uncited);
    const bib = citeproc.makeBibliography();
    const bibliography: FormattedCitations['bibliography'] = [];
    if (bib) {
      const [meta, entries] = bib;
      const ids = meta.entry_ids ?? [];
      entries.forEach((entry, i) => bibliography.push({ id: ids[i]?.[0] ?? '', html: entry.trim() }));
    }
    return { clusters: html, notes, bibliography };
  } finally {
    // citation.js keeps one engine per style and language for the next guide, and resets only
    // its cited items: this guide's uncited ones would stay registered, to be looked up by id
    // in the next guide's library (an error when it lacks them) or printed in its bibliography.
    try {
      citeproc.updateUncitedItems([]);
      citeproc.updateItems([]);
    } catch {
      // the next guide gets a new engine state all the same (`fetchEngine` resets the items)
    }
  }
}

/**
 * Order-free styles: every item registered first (so that a citation's "2001a" is the
 * bibliography's), then each citation alone.
 */
function formatEach(citeproc: CiteprocEngine, clusters: readonly Cluster[], cited: string[], uncited: string[]): string[] {
  // One registration of every item, as the bibliography lists them all (an order-free style has
  // no citation numbers, so being cited first or not at all makes no difference).
  citeproc.updateItems([...cited, ...uncited]);
  // With every item registered, a citation's text depends on nothing but its own items, so one
  // cited again the same way (the same keys, pages, prefix and suffix) is formatted once: a
  // guide cites its main sources several times (the demo's 38 citations are 25 different ones).
  const made = new Map<string, string>();
  const cluster = (items: Record<string, unknown>[]): string => {
    const key = JSON.stringify(items);
    let text = made.get(key);
    if (text === undefined) {
      text = citeproc.makeCitationCluster(items);
      made.set(key, text);
    }
    return text;
  };
  const html: string[] = [];
  for (const c of clusters) {
    const items = c.items.map((i) => citeItem(i));
    const first = items[0];
    // "Kramer (2009) argues": the author alone, then the rest without the author.
    html[c.id] = c.narrative && first ? `${cluster([{ ...first, 'author-only': true }])} ${cluster([{ ...first, 'suppress-author': true }])}` : cluster(items);
  }
  return html;
}

/** Other styles: the citations in document order, so that note numbers, "ibid." and citation numbers follow it. */
function formatInOrder(citeproc: CiteprocEngine, clusters: readonly Cluster[], style: Style, notes: FormattedCitations['notes']): string[] {
  const requests: unknown[] = [];
  const parts: { cluster: number; role: 'whole' | 'author' | 'rest' }[] = [];
  clusters.forEach((c, index) => {
    const items = c.items.map((i) => citeItem(i));
    const noteIndex = style.isNote ? index + 1 : 0;
    if (c.narrative && items[0]) {
      // "Kramer (2009) argues": an author-only part, then the date (or, in note styles, a note).
      requests.push(wrap(`c${c.id}a`, [{ ...items[0], 'author-only': true }], noteIndex));
      parts.push({ cluster: c.id, role: 'author' });
      requests.push(wrap(`c${c.id}r`, style.isNote ? items : [{ ...items[0], 'suppress-author': true }], noteIndex));
      parts.push({ cluster: c.id, role: 'rest' });
    } else {
      requests.push(wrap(`c${c.id}`, items, noteIndex));
      parts.push({ cluster: c.id, role: 'whole' });
    }
  });
  const results = requests.length > 0 ? citeproc.rebuildProcessorState(requests, 'html', []) : [];
  const html: string[] = [];
  const noteNumber = new Map(clusters.map((c, i) => [c.id, i + 1]));
  results.forEach(([, , text], i) => {
    const part = parts[i];
    if (!part) return;
    if (style.isNote && part.role !== 'author') {
      const n = noteNumber.get(part.cluster) ?? 0;
      notes.push({ number: n, html: text });
      html[part.cluster] = `${html[part.cluster] ?? ''}<sup class="note-ref">${n}</sup>`;
    } else if (part.role === 'rest') {
      html[part.cluster] = `${html[part.cluster] ?? ''} ${text}`;
    } else {
      html[part.cluster] = text;
    }
  });
  return html;
}

/**
 * What the formatting code is: this module's own file (in the command line's bundle, the
 * bundle) and the versions of citeproc-js and citation.js, so that the disk cache never serves
 * what another version made.
 */
const codeStampOfFormatting = () => codeStamp(import.meta.url, ['citeproc', '@citation-js/core', '@citation-js/plugin-csl']);

/** Cluster HTML by index (with gaps) as an object, for JSON. */
function toDisk(f: FormattedCitations): unknown {
  return { clusters: Object.fromEntries(Object.entries(f.clusters)), notes: f.notes, bibliography: f.bibliography };
}

function fromDisk(value: unknown): FormattedCitations | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { clusters?: unknown; notes?: unknown; bibliography?: unknown };
  if (typeof v.clusters !== 'object' || v.clusters === null || !Array.isArray(v.notes) || !Array.isArray(v.bibliography)) return undefined;
  const clusters: string[] = [];
  for (const [index, html] of Object.entries(v.clusters)) {
    if (!/^\d+$/.test(index) || typeof html !== 'string') return undefined;
    clusters[Number(index)] = html;
  }
  const notes = v.notes as { number?: unknown; html?: unknown }[];
  const bibliography = v.bibliography as { id?: unknown; html?: unknown }[];
  if (!notes.every((n) => typeof n.number === 'number' && typeof n.html === 'string')) return undefined;
  if (!bibliography.every((b) => typeof b.id === 'string' && typeof b.html === 'string')) return undefined;
  return { clusters, notes: notes as FormattedCitations['notes'], bibliography: bibliography as FormattedCitations['bibliography'] };
}

function wrap(id: string, items: unknown[], noteIndex: number) {
  return { citationID: id, citationItems: items, properties: { noteIndex } };
}

function citeItem(i: Cluster['items'][number]): Record<string, unknown> {
  const item: Record<string, unknown> = { id: i.key };
  if (i.locator) item.locator = i.locator;
  if (i.label) item.label = i.label;
  if (i.prefix) item.prefix = `${i.prefix} `;
  if (i.suffix) item.suffix = i.suffix;
  if (i.suppressAuthor) item['suppress-author'] = true;
  return item;
}
