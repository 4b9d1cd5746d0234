/**
 * The half of the rubric a machine can check (after CRAAP, SIFT and lateral reading): what
 * kind of source it is, whether it can be traced (identifier, author, date), who publishes
 * it, and whether anything else in the guide corroborates it. The result is an estimate
 * beside the teacher's rating, never a replacement for it.
 */
import type { CslItem, SourceType } from '../references/types.js';
import type { SourceLabel } from './labels.js';

export type Rating = 0 | 1 | 2 | 3;

export type Finding =
  | { code: 'state-affiliated'; name: string; country?: string }
  | { code: 'deprecated'; name: string }
  | { code: 'publisher'; name: string; kind: SourceLabel['label'] }
  | { code: 'no-identifier' }
  | { code: 'no-author' }
  | { code: 'no-date' }
  | { code: 'untraceable' }
  | { code: 'not-cited' }
  | { code: 'corroborated'; count: number }
  | { code: 'doi-verified' }
  | { code: 'doi-mismatch'; found: string }
  | { code: 'doi-not-found' }
  | { code: 'retracted' }
  | { code: 'url-unreachable'; status: string }
  | { code: 'url-reachable' };

export interface AutoInput {
  csl: CslItem;
  type: SourceType;
  label?: SourceLabel;
  hasIdentifier: boolean;
  hasAuthor: boolean;
  hasDate: boolean;
  citedCount: number;
  corroboratedBy: number;
  verification?: Finding[];
}

/** Type a label implies when the teacher gave none. */
export function typeFromLabel(label: SourceLabel | undefined): SourceType | undefined {
  switch (label?.label) {
    case 'state-affiliated':
      return 'state-media';
    case 'major-news':
      return 'news';
    case 'university-press':
      return 'scholarly-book';
    case 'government':
    case 'archive':
      return 'primary';
    case 'reference':
      return 'reference';
    default:
      return undefined;
  }
}

const baseByType: Record<SourceType, Rating> = {
  primary: 3,
  'peer-reviewed': 3,
  'scholarly-book': 3,
  reference: 2,
  news: 2,
  opinion: 1,
  'state-media': 1,
  'social-media': 1,
  unknown: 1,
};

export function autoAssess(input: AutoInput): { rating: Rating; findings: Finding[] } {
  const findings: Finding[] = [];
  let rating: number = baseByType[input.type];
  const label = input.label;
  if (label?.label === 'state-affiliated') {
    findings.push({ code: 'state-affiliated', name: label.name, ...(label.country ? { country: label.country } : {}) });
    rating = Math.min(rating, 1);
  } else if (label?.label === 'deprecated') {
    findings.push({ code: 'deprecated', name: label.name });
    rating = 0;
  } else if (label) {
    findings.push({ code: 'publisher', name: label.name, kind: label.label });
  }
  if (!input.hasIdentifier) findings.push({ code: 'no-identifier' });
  if (!input.hasAuthor) findings.push({ code: 'no-author' });
  if (!input.hasDate) findings.push({ code: 'no-date' });
  const missing = Number(!input.hasIdentifier) + Number(!input.hasAuthor) + Number(!input.hasDate);
  if (missing === 3) {
    findings.push({ code: 'untraceable' });
    rating = 0;
  } else if (missing >= 1 && input.type !== 'primary') {
    // Anonymous or undated sources are harder to check; official records often are both.
    rating -= missing === 2 ? 2 : 1;
  }
  if (input.corroboratedBy > 0) findings.push({ code: 'corroborated', count: input.corroboratedBy });
  if (input.citedCount === 0) findings.push({ code: 'not-cited' });
  for (const f of input.verification ?? []) {
    findings.push(f);
    if (f.code === 'retracted' || f.code === 'doi-not-found') rating = 0;
    if (f.code === 'doi-mismatch' || f.code === 'url-unreachable') rating = Math.min(rating, 1);
  }
  return { rating: Math.max(0, Math.min(3, rating)) as Rating, findings };
}

/** A teacher's rating and the estimate disagree when they are two or more steps apart. */
export function disagrees(teacher: Rating | undefined, auto: Rating): boolean {
  return teacher !== undefined && Math.abs(teacher - auto) >= 2;
}
