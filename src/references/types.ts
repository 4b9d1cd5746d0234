import type { Position } from '../diagnostics.js';

/** What kind of source a reference is, as the reliability rubric sees it. */
export const sourceTypes = [
  'primary',
  'peer-reviewed',
  'scholarly-book',
  'reference',
  'news',
  'opinion',
  'state-media',
  'social-media',
  'unknown',
] as const;
export type SourceType = (typeof sourceTypes)[number];

/** The teacher's own assessment of a source, from the references file. */
export interface Assessment {
  type?: SourceType;
  /** 3 strong, 2 usable with care, 1 perspective only, 0 unverifiable. */
  rating?: 0 | 1 | 2 | 3;
  reasons?: string;
  corroboratedBy: string[];
  /** A source the guide examines (a source article, its references) rather than relies on. */
  examined: boolean;
}

/** A CSL-JSON item, as citeproc takes it. Only the fields we read are typed. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts'?: (number | string)[][]; literal?: string; raw?: string };
  DOI?: string;
  ISBN?: string;
  URL?: string;
  publisher?: string;
  'container-title'?: string;
  [field: string]: unknown;
}

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  [part: string]: unknown;
}

export interface Reference {
  id: string;
  csl: CslItem;
  assessment: Assessment;
  /** Where the entry starts in its references file. */
  position?: Position;
}

export interface Library {
  /** Absolute path of the references file. */
  file: string;
  entries: Map<string, Reference>;
}
