/**
 * Turns the entries read from any references format into one Library: keys checked for
 * duplicates, the teacher's assessment validated, names and text cleaned for citeproc.
 */
import type { Position, Reporter } from '../diagnostics.js';
import { parseAssessment } from './assessment.js';
import { checkEntry } from './checks.js';
import { isRecord } from './csl.js';
import type { CslItem, CslName, Library, Reference } from './types.js';

export interface RawEntry {
  key: string | undefined;
  item: Record<string, unknown>;
  position: Position | undefined;
  index: number;
}

export function normalise(file: string, raw: RawEntry[], reporter: Reporter): Library {
  const entries = new Map<string, Reference>();
  for (const entry of raw) {
    if (!entry.key) {
      reporter.error(`entry ${entry.index + 1} has no id (citation key)`, 'reference-no-key', entry.position);
      continue;
    }
    const previous = entries.get(entry.key);
    if (previous) {
      reporter.error(`duplicate citation key "${entry.key}"`, 'reference-duplicate-key', entry.position, {
        file,
        position: previous.position,
        message: `"${entry.key}" is first defined here`,
      });
      continue;
    }
    const { reliability, custom, _graph, ...rest } = entry.item;
    void _graph;
    const assessmentInput = reliability ?? (isRecord(custom) ? custom.reliability : undefined);
    const { assessment, problems } = parseAssessment(clean(assessmentInput));
    for (const p of problems) {
      reporter.error(`entry "${entry.key}": reliability field "${p.field}": ${p.message}`, 'reference-assessment', entry.position);
    }
    const csl = clean({ ...rest, id: entry.key, type: typeof rest.type === 'string' ? rest.type : 'document' }) as CslItem;
    if (typeof csl.DOI === 'string') csl.DOI = csl.DOI.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
    fixNames(csl);
    const reference: Reference = { id: entry.key, csl, assessment };
    if (entry.position) reference.position = entry.position;
    entries.set(entry.key, reference);
  }
  for (const ref of entries.values()) {
    checkEntry(ref, reporter);
    for (const other of ref.assessment.corroboratedBy) {
      if (!entries.has(other)) {
        reporter.warn(`entry "${ref.id}": corroborated-by names "${other}", which is not in this file`, 'reference-unknown-corroboration', ref.position);
      }
    }
  }
  return { file, entries };
}

/** NFC everywhere, and the combining forms LaTeX accents on dotless letters leave behind. */
function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/ı\u0301/g, 'í').replace(/ı\u0300/g, 'ì').replace(/ı\u0302/g, 'î').replace(/ı\u0308/g, 'ï').normalize('NFC');
  if (Array.isArray(value)) return value.map(clean);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
  return value;
}

/** BibTeX's `and others` arrives as an author named "others": CSL abbreviates on its own. */
function fixNames(item: CslItem): void {
  for (const role of ['author', 'editor', 'translator'] as const) {
    const names = item[role];
    if (!Array.isArray(names)) continue;
    item[role] = (names as CslName[]).filter((n) => !(n.family === 'others' && n.given === undefined) && n.literal !== 'others');
  }
}
