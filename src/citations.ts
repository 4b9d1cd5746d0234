/**
 * Stage 2: Pandoc citations in the text become `cite` nodes: `[@key]`, `[@key, p. 12]`,
 * `[see @a; @b]`, `[-@key]` and narrative `@key says` / `@key [p. 3] says`.
 * Unknown keys are positioned errors. Text inside a link is not read for citations
 * (`[@handle](https://…)` is a link to a profile, as in Pandoc). A guide without a references
 * file gets an error for a bracketed citation, but a bare `@name` (a social-media handle in a
 * pasted text) is printed as written, with a warning. Formatting is left to the CSL stage.
 */
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Position as UnistPosition } from 'unist';
import { positionAt, type Position, type Reporter } from './diagnostics.js';
import { suggest } from './frontmatter.js';
import { headingText } from './sections/split.js';

export interface CiteItem {
  key: string;
  locator?: string;
  label?: string;
  prefix?: string;
  suffix?: string;
  suppressAuthor: boolean;
}

export interface Cluster {
  id: number;
  items: CiteItem[];
  narrative: boolean;
  position: Position;
  /** Title of the section the citation is in. */
  section: string;
  /** Inside a `:::teacher` or `:::answer` block: printed in the teacher edition only. */
  teacherOnly: boolean;
  /** Inside a `:::student` block: printed in the student edition only. */
  studentOnly: boolean;
}

export interface CiteNode {
  type: 'cite';
  position?: UnistPosition;
  clusterId: number;
  data: { hName: 'span'; hProperties: Record<string, unknown>; hChildren?: unknown[] };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    cite: CiteNode;
  }
  interface RootContentMap {
    cite: CiteNode;
  }
}

const keyPattern = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`;
const bracketCluster = String.raw`\[([^\[\]\n]*?-?@${keyPattern}[^\[\]]*?)\]`;
const narrative = String.raw`(?<![\p{L}\p{N}_.@\\])@(${keyPattern})(?:\s\[([^\[\]@]+)\])?`;
const citationRe = new RegExp(`${bracketCluster}|${narrative}`, 'gu');
const itemRe = new RegExp(String.raw`^\s*(.*?)\s*(-?)@(${keyPattern})(?:\s*,\s*(.*?))?\s*$`, 'su');

const locatorLabels: [RegExp, string][] = [
  [/^(?:pp?\.|pages?)\s*/i, 'page'],
  [/^(?:chaps?\.|chapters?)\s*/i, 'chapter'],
  [/^(?:secs?\.|sections?|§§?)\s*/i, 'section'],
  [/^(?:paras?\.|paragraphs?|¶¶?)\s*/i, 'paragraph'],
  [/^(?:vols?\.|volumes?)\s*/i, 'volume'],
  [/^(?:figs?\.|figures?)\s*/i, 'figure'],
  [/^(?:nn?\.|notes?)\s*/i, 'note'],
  [/^(?:ll?\.|lines?)\s*/i, 'line'],
  [/^(?:docs?\.|documents?|no\.)\s*/i, 'number'],
];

export interface CitationContext {
  source: string;
  knownKeys: ReadonlySet<string>;
  hasLibrary: boolean;
  reporter: Reporter;
}

/** Replaces citations in all text of `tree` and returns the clusters in document order. */
export function collectCitations(tree: Root, ctx: CitationContext): Cluster[] {
  const clusters: Cluster[] = [];
  let section = '';
  const visit = (parent: Parent, scope: Scope): void => {
    const out: RootContent[] = [];
    for (const node of unlinkSuppressedCitations(parent.children as RootContent[])) {
      if (node.type === 'heading' && node.depth <= 2) section = headingText(node);
      if (node.type === 'text') out.push(...splitText(node, { ...scope, section }, clusters, ctx));
      else if (node.type === 'link' || node.type === 'linkReference') out.push(node);
      else {
        if ('children' in node) visit(node as Parent, innerScope(node, scope));
        out.push(node);
      }
    }
    parent.children = out as Parent['children'];
  };
  visit(tree, { section: '', teacherOnly: false, studentOnly: false });
  return clusters;
}

/**
 * GFM's autolinks read `[-@smith.2020]` as an e-mail address "-@smith.2020": turn such
 * links back into text (merged with their neighbours) so the citation is seen.
 */
function unlinkSuppressedCitations(children: RootContent[]): RootContent[] {
  if (!children.some((n) => n.type === 'link' && n.url.startsWith('mailto:-@'))) return children;
  const out: RootContent[] = [];
  for (const node of children) {
    const text = node.type === 'link' && node.url.startsWith('mailto:-@') && node.children[0]?.type === 'text' ? node.children[0].value : undefined;
    const last = out[out.length - 1];
    if (text !== undefined && last?.type === 'text') last.value += text;
    else if (text !== undefined) out.push({ type: 'text', value: text, ...(node.position ? { position: node.position } : {}) });
    else if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node);
  }
  return out;
}

type Scope = Pick<Cluster, 'section' | 'teacherOnly' | 'studentOnly'>;

function innerScope(node: RootContent, scope: Scope): Scope {
  if (node.type !== 'containerDirective') return scope;
  if (node.name === 'teacher' || node.name === 'answer') return { ...scope, teacherOnly: true };
  if (node.name === 'student') return { ...scope, studentOnly: true };
  return scope;
}

function splitText(node: Text, scope: Scope, clusters: Cluster[], ctx: CitationContext): RootContent[] {
  const value = node.value;
  citationRe.lastIndex = 0;
  if (!value.includes('@')) return [node];
  const out: PhrasingContent[] = [];
  let last = 0;
  let searchFrom = node.position?.start.offset ?? 0;
  for (let m = citationRe.exec(value); m; m = citationRe.exec(value)) {
    const items = m[1] !== undefined ? parseBracket(m[1]) : narrativeItem(m[2] ?? '', m[3]);
    if (!items) continue;
    const offset = ctx.source.indexOf(m[0], searchFrom);
    if (offset > 0 && ctx.source[offset - 1] === '\\') continue;
    if (offset >= 0) searchFrom = offset + m[0].length;
    const position = offset >= 0 ? positionAt(ctx.source, offset) : startOf(node);
    if (!checkKeys(items, m[1] === undefined, position, ctx)) continue;
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    const cluster: Cluster = { id: clusters.length, items, narrative: m[1] === undefined, position, ...scope };
    clusters.push(cluster);
    out.push({
      type: 'cite',
      clusterId: cluster.id,
      data: { hName: 'span', hProperties: { className: ['citation'], dataCites: items.map((i) => i.key).join(' ') } },
    });
    last = m.index + m[0].length;
  }
  if (last === 0) return [node];
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out as RootContent[];
}

function checkKeys(items: CiteItem[], narrative: boolean, position: Position, ctx: CitationContext): boolean {
  let ok = true;
  for (const item of items) {
    if (ctx.knownKeys.has(item.key)) continue;
    ok = false;
    if (!ctx.hasLibrary && narrative) {
      ctx.reporter.warn(`"@${item.key}" is printed as written: the guide has no references file to cite from (write \\@ to silence this, or name a references file with "references:" in the front matter)`, 'unknown-citation-key', position);
      continue;
    }
    if (!ctx.hasLibrary) {
      ctx.reporter.error(`citation "@${item.key}" but the guide has no references file (name one with "references:" in the front matter)`, 'unknown-citation-key', position);
      continue;
    }
    const hint = suggest(item.key, [...ctx.knownKeys]);
    ctx.reporter.error(
      `unknown citation key "${item.key}"${hint ? ` (did you mean "${hint}"?)` : ''}; write \\@ for an @ that is not a citation`,
      'unknown-citation-key',
      position,
    );
  }
  return ok;
}

function parseBracket(inner: string): CiteItem[] | undefined {
  const items: CiteItem[] = [];
  for (const part of inner.split(';')) {
    const m = itemRe.exec(part);
    if (!m) return undefined;
    const item: CiteItem = { key: m[3] ?? '', suppressAuthor: m[2] === '-' };
    if (m[1]) item.prefix = m[1];
    if (m[4]) Object.assign(item, parseLocator(m[4]));
    items.push(item);
  }
  return items;
}

function narrativeItem(key: string, locator: string | undefined): CiteItem[] {
  const item: CiteItem = { key, suppressAuthor: false };
  if (locator) Object.assign(item, parseLocator(locator));
  return [item];
}

/** `p. 12`, `pp. 3–4, emphasis added`, `chap. 2`, or a bare page number. */
export function parseLocator(text: string): Pick<CiteItem, 'locator' | 'label' | 'suffix'> {
  const t = text.trim();
  for (const [re, label] of locatorLabels) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length);
    const loc = /^[\p{N}ivxlcdmIVXLCDM]+(?:\s*[-–,]\s*[\p{N}ivxlcdmIVXLCDM]+)*/u.exec(rest);
    if (!loc) break;
    const suffix = rest.slice(loc[0].length).replace(/^\s*,?\s*/, '');
    return { label, locator: loc[0], ...(suffix ? { suffix: `, ${suffix}` } : {}) };
  }
  const bare = /^\d+(?:\s*[-–]\s*\d+)?$/.exec(t);
  if (bare) return { label: 'page', locator: t };
  return { suffix: `, ${t}` };
}

function startOf(node: Text): Position {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
