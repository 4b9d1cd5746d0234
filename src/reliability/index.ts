/**
 * Stage 5: the source-reliability appendix. For every entry of the references file: its type,
 * the teacher's rating and reasons, and what the automatic checks find (how often and where
 * it is cited, identifier, author, date, publisher label, corroboration, and online checks
 * when they were run). The teacher's rating is never replaced: without one, the source is
 * "not assessed", and where the estimate disagrees the teacher edition shows both.
 */
import type { Cluster } from '../citations.js';
import { hasDate, hasNames } from '../references/checks.js';
import type { CslItem, Library, Reference, SourceType } from '../references/index.js';
import { labelFor, type SourceLabel } from './labels.js';
import { autoAssess, disagrees, typeFromLabel, type Finding, type Rating } from './rubric.js';

export interface SourceRow {
  id: string;
  type: SourceType;
  /** True when the type was worked out (from the publisher label or the CSL type), not given by the teacher. */
  typeInferred: boolean;
  rating?: Rating;
  reasons?: string;
  citedCount: number;
  /** Titles of the sections that cite it, in order of first citation. */
  citedIn: string[];
  identifier?: { kind: 'DOI' | 'ISBN' | 'URL'; value: string };
  hasAuthor: boolean;
  hasDate: boolean;
  examined: boolean;
  corroboratedBy: string[];
  label?: SourceLabel;
  auto: { rating: Rating; findings: Finding[] };
  disagreement: boolean;
}

export interface AssessOptions {
  labels?: readonly SourceLabel[];
  /** Results of online checks, by entry key. */
  verification?: ReadonlyMap<string, Finding[]>;
}

export function assessSources(library: Library | undefined, clusters: readonly Cluster[], options: AssessOptions = {}): SourceRow[] {
  if (!library) return [];
  const counts = new Map<string, number>();
  const sections = new Map<string, string[]>();
  for (const c of clusters) {
    for (const item of c.items) {
      counts.set(item.key, (counts.get(item.key) ?? 0) + 1);
      const list = sections.get(item.key) ?? [];
      if (c.section && !list.includes(c.section)) list.push(c.section);
      sections.set(item.key, list);
    }
  }
  // Corroboration goes both ways: if A names B, B is corroborated by A too.
  const corroboration = new Map<string, Set<string>>();
  for (const ref of library.entries.values()) {
    for (const other of ref.assessment.corroboratedBy) {
      if (!library.entries.has(other)) continue;
      (corroboration.get(ref.id) ?? corroboration.set(ref.id, new Set()).get(ref.id))?.add(other);
      (corroboration.get(other) ?? corroboration.set(other, new Set()).get(other))?.add(ref.id);
    }
  }
  const rows = [...library.entries.values()].map((ref) =>
    row(ref, counts.get(ref.id) ?? 0, sections.get(ref.id) ?? [], [...(corroboration.get(ref.id) ?? [])], options),
  );
  // Relied-on sources first, the most cited at the top; examined sources after them.
  return rows.sort((a, b) => Number(a.examined) - Number(b.examined) || b.citedCount - a.citedCount || a.id.localeCompare(b.id));
}

function row(ref: Reference, citedCount: number, citedIn: string[], corroboratedBy: string[], options: AssessOptions): SourceRow {
  const { csl, assessment } = ref;
  const label = labelFor(csl, options.labels ?? []);
  const type = assessment.type ?? typeFromLabel(label) ?? inferType(csl);
  const id = identifier(csl);
  const hasAuthor = hasNames(csl);
  const dated = hasDate(csl);
  const auto = autoAssess({
    csl,
    type,
    ...(label ? { label } : {}),
    hasIdentifier: id !== undefined,
    hasAuthor,
    hasDate: dated,
    citedCount,
    corroboratedBy: corroboratedBy.length,
    ...(options.verification?.get(ref.id) ? { verification: options.verification.get(ref.id) } : {}),
  });
  const r: SourceRow = {
    id: ref.id,
    type,
    typeInferred: assessment.type === undefined,
    citedCount,
    citedIn,
    hasAuthor,
    hasDate: dated,
    examined: assessment.examined,
    corroboratedBy,
    auto,
    disagreement: disagrees(assessment.rating, auto.rating),
  };
  if (label) r.label = label;
  if (assessment.rating !== undefined) r.rating = assessment.rating;
  if (assessment.reasons) r.reasons = assessment.reasons;
  if (id) r.identifier = id;
  return r;
}

export function inferType(csl: CslItem): SourceType {
  const publisher = `${csl.publisher ?? ''} ${csl['container-title'] ?? ''}`;
  switch (csl.type) {
    case 'article-journal':
      return 'peer-reviewed';
    case 'book':
    case 'chapter':
    case 'thesis':
      return /universit|press|academic|verlag/i.test(publisher) ? 'scholarly-book' : 'unknown';
    case 'legal_case':
    case 'legislation':
    case 'treaty':
    case 'bill':
    case 'hearing':
    case 'regulation':
    case 'manuscript':
    case 'interview':
    case 'personal_communication':
      return 'primary';
    case 'entry':
    case 'entry-dictionary':
    case 'entry-encyclopedia':
      return 'reference';
    case 'article-newspaper':
      return 'news';
    case 'post':
      return 'social-media';
    default:
      return 'unknown';
  }
}

function identifier(csl: CslItem): SourceRow['identifier'] {
  if (typeof csl.DOI === 'string' && csl.DOI) return { kind: 'DOI', value: csl.DOI };
  if (typeof csl.ISBN === 'string' && csl.ISBN) return { kind: 'ISBN', value: csl.ISBN };
  if (typeof csl.URL === 'string' && csl.URL) return { kind: 'URL', value: csl.URL };
  return undefined;
}
