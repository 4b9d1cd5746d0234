/**
 * Stage 4: mdast fragments → safe HTML for one edition (remark-rehype → rehype-raw →
 * rehype-sanitize → rehype-stringify). Teacher-only blocks are dropped from the student
 * edition here, before any HTML exists, so they cannot leak into it.
 */
import type { ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Parent, Root, RootContent } from 'mdast';
import { defListHastHandlers } from 'remark-definition-list';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { CiteNode } from './citations.js';
import type { FootnoteNumbers } from './footnotes.js';
import type { Labels } from './i18n.js';

export type Edition = 'student' | 'teacher';

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Removed with their content (others are unwrapped, keeping their text).
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'select', 'button', 'title', 'svg', 'math'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark', 'abbr', 'small', 'u', 'aside', 'section', 'time'],
  // Images written into the text as data (a word processor's Markdown export puts its pictures
  // there): they reach no network and read no file. `src` is allowed on <img> only.
  protocols: { ...defaultSchema.protocols, src: [...(defaultSchema.protocols?.src ?? []), 'data'] },
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'],
    span: [...(defaultSchema.attributes?.span ?? []), 'dataCites'],
    abbr: ['title'],
    time: ['dateTime'],
  },
};

const toHast = unified()
  .use(remarkRehype, { allowDangerousHtml: true, handlers: defListHastHandlers })
  .use(rehypeRaw)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

/**
 * The same without rehype-raw, for fragments with no raw HTML in them (most of a guide):
 * rehype-raw re-parses the whole fragment with parse5 even when there is little raw in it,
 * and that was the largest part of rendering. Same output (tests/html.test.ts).
 */
const toHastPlain = unified()
  .use(remarkRehype, { allowDangerousHtml: true, handlers: defListHastHandlers })
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

export interface RenderContext {
  edition: Edition;
  clusters: readonly string[];
  labels: Labels;
  /** The edition's footnote numbers; without it, footnote references are left to remark-rehype. */
  footnotes?: FootnoteNumbers;
}

/**
 * HTML already made from a fragment, by the fragment (the guide's own node array) and by what
 * `prepare` decided for it: the two editions of a guide share most fragments, and the second
 * edition's HTML of a fragment with the same decisions is the first's.
 */
const rendered = new WeakMap<readonly RootContent[], Map<string, string>>();

export function renderHtml(nodes: readonly RootContent[], ctx: RenderContext): string {
  return render(nodes, nodes, 'block', ctx);
}

/** Inline content (a glossary term) without a wrapping paragraph. */
export function renderInline(nodes: readonly RootContent[], ctx: RenderContext): string {
  return render(nodes, [{ type: 'paragraph', children: nodes as never }], 'inline', ctx).replace(/^<p>|<\/p>$/g, '');
}

/** `nodes` (made from the guide's `source`) as HTML, or the HTML made from them before. */
function render(source: readonly RootContent[], nodes: readonly RootContent[], kind: string, ctx: RenderContext): string {
  if (nodes.length === 0) return '';
  // `prepare` numbers footnotes as it meets them, so it runs for every fragment, every time.
  const decisions: string[] = [kind];
  const root: Root = { type: 'root', children: prepare(structuredClone(nodes as RootContent[]), ctx, decisions) };
  const key = decisions.join('\0');
  const made = rendered.get(source) ?? new Map<string, string>();
  let html = made.get(key);
  if (html === undefined) {
    const pipeline = hasRaw(root.children) ? toHast : toHastPlain;
    html = pipeline.stringify(pipeline.runSync(root) as HastRoot);
    made.set(key, html);
    rendered.set(source, made);
  }
  return html;
}

/** Whether a fragment holds raw HTML: HTML in the Markdown. */
function hasRaw(nodes: readonly RootContent[]): boolean {
  return nodes.some((n) => n.type === 'html' || ('children' in n && hasRaw(n.children as RootContent[])));
}

/**
 * The fragment as this edition shows it. Everything it takes from `ctx` is noted in
 * `decisions`, in order: the same fragment with the same decisions gives the same HTML.
 */
function prepare(nodes: RootContent[], ctx: RenderContext, decisions: string[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'containerDirective') {
      const teacherOnly = node.name === 'teacher' || node.name === 'answer';
      const shown = !(teacherOnly && ctx.edition === 'student') && !(node.name === 'student' && ctx.edition === 'teacher');
      decisions.push(`d${shown ? 1 : 0}`);
      if (!shown) continue;
      const label = node.name === 'teacher' ? ctx.labels.teacherNote : node.name === 'answer' ? ctx.labels.answer : undefined;
      if (label !== undefined) decisions.push(`l${label}`);
      node.data = {
        hName: node.name === 'student' || node.name === 'claims' ? 'div' : 'aside',
        hProperties: { className: [`directive-${node.name}`, ...(teacherOnly ? ['teacher-only'] : [])] },
      };
      if (label) node.children.unshift({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: label }] }], data: { hProperties: { className: ['note-label'] } } });
    }
    if (node.type === 'footnoteReference') {
      const n = ctx.footnotes?.number(node.identifier);
      decisions.push(`f${n ?? (ctx.footnotes ? '-' : '')}`);
      // Printed like the note numbers of a note citation style; the text is in the Notes.
      if (n !== undefined) {
        out.push({ type: 'text', value: '', data: { hName: 'sup', hProperties: { className: ['note-ref'] }, hChildren: [{ type: 'text', value: String(n) }] } });
        continue;
      }
    }
    if (node.type === 'cite') {
      decisions.push(`c${ctx.clusters[node.clusterId] ?? ''}`);
      fillCite(node, ctx);
    } else if ('children' in node) {
      (node as Parent).children = prepare((node as Parent).children as RootContent[], ctx, decisions) as Parent['children'];
    }
    out.push(node);
  }
  return out;
}

/**
 * A citation's text is HTML from CSL: parsed here on its own (with parse5, as rehype-raw would
 * in place), so that the fragment around it needs no re-parse; sanitised with the rest.
 */
function fillCite(node: CiteNode, ctx: RenderContext): void {
  node.data.hChildren = structuredClone(citationNodes(ctx.clusters[node.clusterId] ?? ''));
}

/** Parsed citation HTML by its text: the same citations come back in each edition and rebuild. */
const parsedCitations = new Map<string, ElementContent[]>();

function citationNodes(html: string): ElementContent[] {
  let nodes = parsedCitations.get(html);
  if (!nodes) {
    nodes = fromHtml(html, { fragment: true }).children as ElementContent[];
    if (parsedCitations.size >= 5000) parsedCitations.clear();
    parsedCitations.set(html, nodes);
  }
  return nodes;
}
