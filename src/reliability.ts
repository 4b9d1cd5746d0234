/**
 * Stage 5: the source-reliability appendix. For every entry of the references file:
 * its type, the teacher's rating and reasons, and what the automatic checks find
 * (how often and where it is cited, identifier, author, date). The teacher's rating is
 * never replaced: without one, the source is "not assessed".
 */
import type { Cluster } from './citations.js';
import type { CslItem, Library, Reference, SourceType } from './references/index.js';

export interface SourceRow {
  id: string;
  type: SourceType;
  /** True when the type was guessed from the entry's CSL type, not given by the teacher. */
  typeInferred: boolean;
  rating?: 0 | 1 | 2 | 3;
  reasons?: string;
  citedCount: number;
  /** Titles of the sections that cite it, in order of first citation. */
  citedIn: string[];
  identifier?: { kind: 'DOI' | 'ISBN' | 'URL'; value: string };
  hasAuthor: boolean;
  hasDate: boolean;
  examined: boolean;
  corroboratedBy: string[];
}

export function assessSources(library: Library | undefined, clusters: readonly Cluster[]): SourceRow[] {
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
  const rows = [...library.entries.values()].map((ref) => row(ref, counts.get(ref.id) ?? 0, sections.get(ref.id) ?? []));
  // Relied-on sources first, the most cited at the top; examined sources after them.
  return rows.sort((a, b) => Number(a.examined) - Number(b.examined) || b.citedCount - a.citedCount || a.id.localeCompare(b.id));
}

function row(ref: Reference, citedCount: number, citedIn: string[]): SourceRow {
  const { csl, assessment } = ref;
  const inferred = inferType(csl);
  const r: SourceRow = {
    id: ref.id,
    type: assessment.type ?? inferred,
    typeInferred: assessment.type === undefined,
    citedCount,
    citedIn,
    hasAuthor: hasNames(csl),
    hasDate: hasDate(csl),
    examined: assessment.examined,
    corroboratedBy: assessment.corroboratedBy,
  };
  if (assessment.rating !== undefined) r.rating = assessment.rating;
  if (assessment.reasons) r.reasons = assessment.reasons;
  const id = identifier(csl);
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

function hasNames(csl: CslItem): boolean {
  const names = [...(csl.author ?? []), ...(csl.editor ?? [])];
  return names.some((n) => Boolean(n.family || n.literal));
}

function hasDate(csl: CslItem): boolean {
  const issued = csl.issued;
  if (!issued) return false;
  const first = issued['date-parts']?.[0]?.[0];
  return (first !== undefined && first !== null && String(first) !== '') || Boolean(issued.literal || issued.raw);
}
