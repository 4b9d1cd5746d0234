/**
 * BibTeX and BibLaTeX, as Zotero and Better BibTeX export them, parsed by citation-js
 * (macros, month names, LaTeX accents, protected braces). We only fix what it leaves raw
 * (`\url{}`), read our `reliability-*` fields, and find each entry's line.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { positionAt, type Position, type Reporter } from '../diagnostics.js';
import type { RawEntry } from './normalise.js';

interface BibEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

const reliabilityFields: Record<string, string> = {
  'reliability-type': 'type',
  'reliability-rating': 'rating',
  'reliability-reasons': 'reasons',
  'reliability-corroborated-by': 'corroborated-by',
  'corroborated-by': 'corroborated-by',
  'reliability-examined': 'examined',
};

export function readBibtex(text: string, reporter: Reporter): RawEntry[] {
  let entries: BibEntry[];
  try {
    entries = plugins.input.chain(text, { forceType: '@biblatex/text', target: '@biblatex/entries+list', generateGraph: false }) as BibEntry[];
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    const at = /line (\d+) col (\d+)/.exec(message);
    const what = /Max\. number of parsing iterations|not supported or recognized/.test(message)
      ? 'no BibTeX entry was found (an entry starts like @article{key, …)'
      : message
          .replace(/\s*at line \d+ col \d+:?\s*$/, '')
          .replace(/^invalid syntax$/, 'the syntax is broken (an unclosed brace or quote, a missing comma or "=")')
          .replace(/expected "(\w+)", got EOF/, 'the file ends inside an entry (a brace or quote not closed?)')
          .replace(/expected "(\w+)", got "(\w+)"/, 'expected a $1 here, found a $2');
    reporter.error(`references file is not valid BibTeX: ${what}`, 'references-syntax', at ? { line: Number(at[1]), column: Number(at[2]) } : { line: 1, column: 1 });
    return [];
  }
  if (!Array.isArray(entries)) entries = [];
  if (entries.length === 0 && /@\w+\s*[{(]/.test(text.replace(/@(string|comment|preamble)\s*[{(]/gi, ''))) {
    reporter.error('references file could not be read as BibTeX: no entry was recognised', 'references-syntax', { line: 1, column: 1 });
  }
  const positions = entryPositions(text);
  const out: RawEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    const assessmentRaw: Record<string, string> = {};
    const properties: Record<string, string | number> = {};
    for (const [field, value] of Object.entries(entry.properties)) {
      const target = reliabilityFields[field.toLowerCase()];
      if (target) assessmentRaw[target] = String(value);
      else properties[field] = field === 'url' || field === 'howpublished' ? unwrapUrl(String(value)) : value;
    }
    const [item] = toCsl([{ ...entry, properties }]);
    if (!item) continue;
    if (assessmentRaw.reasons) assessmentRaw.reasons = latexToText(assessmentRaw.reasons);
    const position = positions.get(entry.label)?.shift();
    out.push({
      key: entry.label,
      item: { ...item, ...(Object.keys(assessmentRaw).length > 0 ? { reliability: assessmentRaw } : {}) },
      position,
      index,
    });
  }
  return out;
}

function toCsl(entries: BibEntry[]): Record<string, unknown>[] {
  return plugins.input.chain(entries, { target: '@csl/list+object', generateGraph: false }) as Record<string, unknown>[];
}

/** Converts a LaTeX-marked-up string to text with citation-js's own field parser. */
function latexToText(value: string): string {
  const [item] = toCsl([{ type: 'misc', label: 'x', properties: { note: value } }]);
  const note = item?.note;
  return typeof note === 'string' ? note : value;
}

function unwrapUrl(value: string): string {
  return value.replace(/\\url\s*\{([^}]*)\}/g, '$1').trim();
}

/** Line of every `@type{key,` in the file, in order, per key (duplicates keep both). */
function entryPositions(text: string): Map<string, Position[]> {
  const map = new Map<string, Position[]>();
  const re = /@\s*([A-Za-z]+)\s*[{(]\s*([^\s,{}()]+)\s*,/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const kind = m[1]?.toLowerCase();
    if (kind === 'string' || kind === 'comment' || kind === 'preamble' || !m[2]) continue;
    const list = map.get(m[2]) ?? [];
    list.push(positionAt(text, m.index));
    map.set(m[2], list);
  }
  return map;
}
