/**
 * citation.js and citeproc-js: loaded only when citations have to be formatted (not for
 * `check`, not for a guide without references, not when every citation comes from the cache),
 * since loading them costs about 0.1 s and building citeproc's engine for a style about 0.3 s.
 * `src/references/format.ts` imports this module on demand (`loadCsl`).
 */
import { readFileSync } from 'node:fs';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { packagePath } from '../paths.js';
import { styleXml } from './styles.js';
import type { CslItem } from './types.js';

export interface CiteprocEngine {
  rebuildProcessorState(citations: unknown[], format: string, uncited: unknown[]): [string, number, string][];
  updateItems(ids: string[]): void;
  updateUncitedItems(ids: string[]): void;
  makeCitationCluster(items: unknown[]): string;
  makeBibliography(): [{ entry_ids?: string[][] }, string[]] | false;
}

type EngineFactory = (data: CslItem[], style: string, lang: string, format: string) => CiteprocEngine;

interface Registry {
  has(name: string): boolean;
  add(name: string, value: unknown): void;
  get(name: string): unknown;
}
const config = () => plugins.config.get('@csl') as { templates: Registry; locales: Registry; engine: EngineFactory };

const shippedLocales = new Set(['en-GB', 'uk-UA', 'ru-RU', 'pl-PL', 'it-IT', 'he-IL']);
const defaultRegion: Record<string, string> = {
  en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', nl: 'nl-NL', uk: 'uk-UA', ru: 'ru-RU', pl: 'pl-PL', it: 'it-IT', he: 'he-IL',
};

/** The CSL locale for a guide language, registering a shipped one on first use. */
export function cslLocale(lang: string): string {
  const [primary = 'en', region] = lang.split('-');
  const candidates = [region ? `${primary.toLowerCase()}-${region.toUpperCase()}` : undefined, defaultRegion[primary.toLowerCase()]].filter((c): c is string => Boolean(c));
  const locales = config().locales;
  for (const c of candidates) {
    if (locales.has(c)) return c;
    if (shippedLocales.has(c)) {
      locales.add(c, readFileSync(packagePath('csl', 'locales', `${c}.xml`), 'utf8'));
      return c;
    }
  }
  return 'en-US';
}

/** A citeproc engine for the style (registered with citation.js on first use) and language. */
export function engineFor(data: CslItem[], styleId: string, lang: string): CiteprocEngine {
  const templates = config().templates;
  if (!templates.has(styleId)) {
    const xml = styleXml(styleId);
    if (xml === undefined) throw new Error(`internal: citation style "${styleId}" was not resolved`);
    templates.add(styleId, xml);
  }
  return config().engine(data, styleId, cslLocale(lang), 'html');
}

/** The XML of a style citation.js itself ships (APA, Vancouver, Harvard), for tests. */
export function builtinStyleXml(id: string): string | undefined {
  const xml = config().templates.get(id);
  return typeof xml === 'string' ? xml : undefined;
}

