/**
 * CSL-JSON (Zotero's "CSL JSON" export) and CSL-YAML references files.
 * Read with our own parsers so that every entry keeps its line; citeproc gets clean items.
 */
import { isSeq, isMap, isScalar, type Node as YamlNode } from 'yaml';
import { parseYaml } from '../yaml.js';
import { positionAt, type Position, type Reporter } from '../diagnostics.js';
import type { RawEntry } from './normalise.js';

export function readCslJson(text: string, reporter: Reporter): RawEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    reporter.error(`references file is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, 'references-syntax', at ? positionAt(text, Number(at[1])) : undefined);
    return [];
  }
  const items = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.items) ? data.items : isRecord(data) ? [data] : null;
  if (!items) {
    reporter.error('a CSL-JSON references file must hold a list of entries', 'references-shape', { line: 1, column: 1 });
    return [];
  }
  const entries: RawEntry[] = [];
  for (const [index, item] of items.entries()) {
    if (!isRecord(item)) {
      reporter.error(`entry ${index + 1} is not an object`, 'references-shape');
      continue;
    }
    const key = entryKey(item);
    entries.push({ key, item, position: key ? findJsonKey(text, key) : undefined, index });
  }
  return entries;
}

export function readCslYaml(text: string, reporter: Reporter): RawEntry[] {
  const { doc, lineCounter } = parseYaml(text, { prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors) reporter.error(`references file is not valid YAML: ${e.message.split('\n')[0] ?? ''}`, 'references-syntax', at(e.pos[0]));
  if (doc.errors.length > 0) return [];
  try {
    doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    reporter.error(`references file is not valid YAML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`, 'references-syntax', { line: 1, column: 1 });
    return [];
  }
  let seq: YamlNode | null = doc.contents;
  // Pandoc-style `references:` wrapper.
  if (isMap(seq)) seq = (seq.get('references', true) as YamlNode | undefined) ?? seq;
  if (!isSeq(seq)) {
    reporter.error('a CSL-YAML references file must be a list of entries (each starting with "- id: …")', 'references-shape', { line: 1, column: 1 });
    return [];
  }
  const entries: RawEntry[] = [];
  for (const [index, node] of seq.items.entries()) {
    const range = (node as YamlNode | null)?.range;
    const position = range ? at(range[0]) : undefined;
    const item: unknown = isMap(node) || isScalar(node) ? node.toJSON() : null;
    if (!isRecord(item)) {
      reporter.error(`entry ${index + 1} is not a list of fields`, 'references-shape', position);
      continue;
    }
    entries.push({ key: entryKey(item), item, position, index });
  }
  return entries;
}

function entryKey(item: Record<string, unknown>): string | undefined {
  const key = item['citation-key'] ?? item.id;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function findJsonKey(text: string, key: string): Position | undefined {
  const quoted = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`"(?:citation-key|id)"\\s*:\\s*${quoted}`).exec(text);
  if (!m) return undefined;
  return positionAt(text, m.index);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
