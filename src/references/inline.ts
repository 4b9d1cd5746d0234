/** References written in the guide's own front matter (`references:` as a list of CSL entries). */
import { isMap, isSeq } from 'yaml';
import { parseYaml } from '../yaml.js';
import type { Reporter } from '../diagnostics.js';
import { isRecord } from './csl.js';
import { normalise, type RawEntry } from './normalise.js';
import type { Library } from './types.js';

export function readInlineReferences(guideFile: string, fmText: string, fmLine: number, reporter: Reporter): Library {
  const { doc, lineCounter } = parseYaml(fmText);
  try {
    doc.toJS({ maxAliasCount: 50 });
  } catch {
    // The front matter check has reported it already.
    return normalise(guideFile, [], reporter);
  }
  const seq = isMap(doc.contents) ? doc.contents.get('references', true) : undefined;
  const raw: RawEntry[] = [];
  if (isSeq(seq)) {
    seq.items.forEach((node, index) => {
      const item: unknown = isMap(node) ? node.toJSON() : undefined;
      if (!isRecord(item)) return;
      const range = isMap(node) ? node.range : undefined;
      const p = range ? lineCounter.linePos(range[0]) : undefined;
      const key = item['citation-key'] ?? item.id;
      raw.push({
        key: typeof key === 'string' || typeof key === 'number' ? String(key) : undefined,
        item,
        position: p ? { line: p.line + fmLine - 1, column: p.col } : undefined,
        index,
      });
    });
  }
  return normalise(guideFile, raw, reporter);
}
