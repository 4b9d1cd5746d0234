/**
 * Stage 3: citations and bibliography formatted by CSL (citeproc-js through citation-js).
 * One processor run for all clusters of a guide, so that disambiguation works across them.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Cluster } from '../citations.js';
import type { CslItem, Library } from './types.js';

interface CiteprocEngine {
  rebuildProcessorState(citations: unknown[], format: string, uncited: unknown[]): [string, number, string][];
  updateItems(ids: string[]): void;
  updateUncitedItems(ids: string[]): void;
  makeBibliography(): [unknown, string[]] | false;
  registry: { getSortedIds?: () => string[] };
}

type EngineFactory = (data: CslItem[], style: string, lang: string, format: string) => CiteprocEngine;

const cslLocales: Record<string, string> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', nl: 'nl-NL' };

export function cslLocale(lang: string): string {
  const primary = lang.split('-')[0]?.toLowerCase() ?? 'en';
  return cslLocales[primary] ?? 'en-US';
}

export interface FormattedCitations {
  /** HTML of each cluster, by cluster id. */
  clusters: string[];
  /** Bibliography entries as HTML, with their keys, in the style's order. */
  bibliography: { id: string; html: string }[];
}

export function formatCitations(library: Library | undefined, clusters: Cluster[], lang: string, style = 'apa'): FormattedCitations {
  if (!library || library.entries.size === 0) return { clusters: clusters.map(() => ''), bibliography: [] };
  const data = [...library.entries.values()].map((r) => r.csl);
  const engine = (plugins.config.get('@csl') as { engine: EngineFactory }).engine;
  const citeproc = engine(data, style, cslLocale(lang), 'html');

  // Narrative citations ("Kramer (2009) argues") are an author-only part and a date part.
  const requests: unknown[] = [];
  const parts: { cluster: number; role: 'whole' | 'author' | 'rest' }[] = [];
  for (const c of clusters) {
    const items = c.items.map((i) => citeItem(i));
    if (c.narrative && items[0]) {
      requests.push(wrap(`c${c.id}a`, [{ ...items[0], 'author-only': true }]));
      parts.push({ cluster: c.id, role: 'author' });
      requests.push(wrap(`c${c.id}r`, [{ ...items[0], 'suppress-author': true }]));
      parts.push({ cluster: c.id, role: 'rest' });
    } else {
      requests.push(wrap(`c${c.id}`, items));
      parts.push({ cluster: c.id, role: 'whole' });
    }
  }
  const results = requests.length > 0 ? citeproc.rebuildProcessorState(requests, 'html', []) : [];
  const html: string[] = clusters.map(() => '');
  results.forEach(([, , text], i) => {
    const part = parts[i];
    if (!part) return;
    if (part.role === 'rest') html[part.cluster] = `${html[part.cluster] ?? ''} ${text}`;
    else html[part.cluster] = text;
  });

  const cited = new Set(clusters.flatMap((c) => c.items.map((i) => i.key)));
  const uncited = data.map((d) => d.id).filter((id) => !cited.has(id));
  citeproc.updateUncitedItems(uncited);
  const bib = citeproc.makeBibliography();
  const bibliography: { id: string; html: string }[] = [];
  if (bib) {
    const [meta, entries] = bib;
    const ids = (meta as { entry_ids?: string[][] }).entry_ids ?? [];
    entries.forEach((entry, i) => bibliography.push({ id: ids[i]?.[0] ?? '', html: entry.trim() }));
  }
  return { clusters: html, bibliography };
}

function wrap(id: string, items: unknown[]) {
  return { citationID: id, citationItems: items, properties: { noteIndex: 0 } };
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
