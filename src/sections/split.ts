/**
 * Splits a guide's body into sections at its `##` headings and recognises the special ones
 * (timeline, glossary, discussion questions) by their heading, in several languages, or by
 * the names the front matter gives them (`sections: { timeline: "Chronik" }`).
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { Nodes as HastNode } from 'hast';
import { fromHtml as parseHtml } from 'hast-util-from-html';
import { toString } from 'mdast-util-to-string';
import type { Position, Reporter } from '../diagnostics.js';

export type SectionKind = 'body' | 'timeline' | 'glossary' | 'questions';

export interface Section {
  kind: SectionKind;
  /** The `##` heading that opens it; absent for text before the first heading. */
  heading?: Heading;
  title: string;
  /** Everything after the heading up to the next heading of the same or a higher level. */
  nodes: RootContent[];
}

export type SpecialKind = Exclude<SectionKind, 'body'>;

/** Headings recognised without help, compared case-insensitively (en, de, fr, es, uk, ru, ar, he). */
export const headingNames: Record<SpecialKind, readonly string[]> = {
  timeline: [
    'timeline', 'time line', 'chronology', 'key dates',
    'zeitleiste', 'zeittafel', 'zeitstrahl', 'chronologie', 'chronik',
    'frise chronologique', 'repères chronologiques', 'dates clés',
    'cronología', 'cronologia', 'línea de tiempo', 'línea del tiempo', 'linea de tiempo', 'fechas clave',
    'хронологія', 'хронологія подій', 'стрічка часу', 'лінія часу', 'основні дати',
    'хронология', 'хронология событий', 'лента времени', 'линия времени', 'основные даты',
    'الخط الزمني', 'التسلسل الزمني', 'ציר זמן', 'ציר הזמן', 'כרונולוגיה',
  ],
  glossary: [
    'glossary', 'key terms', 'vocabulary', 'terms',
    'glossar', 'begriffe', 'fachbegriffe', 'wichtige begriffe', 'schlüsselbegriffe',
    'glossaire', 'vocabulaire', 'lexique', 'notions clés', 'mots clés',
    'glosario', 'vocabulario', 'términos clave', 'conceptos clave',
    'словник', 'глосарій', 'ключові терміни', 'ключові поняття', 'терміни', 'поняття', 'словник термінів',
    'глоссарий', 'словарь', 'ключевые термины', 'ключевые понятия', 'термины', 'понятия', 'словарь терминов',
    'مسرد المصطلحات', 'المصطلحات', 'مسرد', 'מילון מונחים', 'מונחים', 'מושגים',
  ],
  questions: [
    'discussion questions', 'questions', 'questions for discussion', 'discussion',
    'diskussionsfragen', 'fragen', 'fragen zur diskussion',
    'questions de discussion', 'questions à discuter', 'questions pour la discussion', 'questions pour le débat', 'sujets de discussion',
    'preguntas', 'preguntas de debate', 'preguntas para el debate', 'preguntas de discusión', 'preguntas para debatir', 'preguntas para la discusión',
    'питання для обговорення', 'питання', 'запитання для обговорення', 'запитання',
    'вопросы для обсуждения', 'вопросы', 'вопросы для дискуссии',
    'أسئلة للنقاش', 'أسئلة النقاش', 'أسئلة للمناقشة', 'שאלות לדיון', 'שאלות',
  ],
};

/** Names for the special sections from the front matter: one heading or a list of them each. */
export type SectionNames = Partial<Record<SpecialKind, string | readonly string[]>>;

/** A heading as compared: case, spacing, Unicode form and a trailing colon or full stop do not count. */
function normalise(title: string): string {
  return title.normalize('NFC').trim().replace(/\s*[:.]$/, '').replace(/\s+/g, ' ').toLocaleLowerCase();
}

/**
 * The kind of a section by its heading. A kind that `names` (the front matter) names is
 * recognised only by those names; the others by the built-in ones.
 */
export function sectionKind(title: string, names: SectionNames = {}): SectionKind {
  const t = normalise(title);
  const kinds = Object.keys(headingNames) as SpecialKind[];
  for (const kind of kinds) {
    if (listOf(names[kind]).some((n) => normalise(n) === t)) return kind;
  }
  for (const kind of kinds) {
    if (names[kind] === undefined && headingNames[kind].includes(t)) return kind;
  }
  return 'body';
}

function listOf(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

export interface SplitOptions {
  /** Headings named in the front matter's `sections:` field. */
  names?: SectionNames | undefined;
  /** Receives a warning for each name in `names` that no heading matches. */
  reporter?: Reporter | undefined;
  /**
   * The front matter gives the title. Without it, a `# Heading` that is the text's first heading
   * is the title even with something before it (a README's badges or logo), and so is an `<h1>`
   * in raw HTML before the first heading.
   */
  hasTitle?: boolean | undefined;
}

export interface SplitResult {
  /** Text of a leading `# Heading` (or, without a front-matter title, of a first heading that is a `#` one, or of a raw-HTML `<h1>` before it), used as the title when front matter has none. */
  h1?: string;
  sections: Section[];
}

export function splitSections(tree: Root, options: SplitOptions = {}): SplitResult {
  const names = options.names ?? {};
  const nodes = tree.children.filter((n) => n.type !== 'yaml');
  const result: SplitResult = { sections: [] };
  const title = titleIndex(nodes, options.hasTitle);
  const heading = nodes[title];
  if (heading?.type === 'heading') {
    result.h1 = headingText(heading);
    nodes.splice(title, 1);
  } else if (!options.hasTitle) {
    const fromHtml = htmlTitle(nodes);
    if (fromHtml) result.h1 = fromHtml;
  }
  let current: Section = { kind: 'body', title: '', nodes: [] };
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (current.heading || current.nodes.length > 0) result.sections.push(current);
      const title = headingText(node);
      current = { kind: sectionKind(title, names), heading: node, title, nodes: [] };
      continue;
    }
    current.nodes.push(node);
  }
  if (current.heading || current.nodes.length > 0) result.sections.push(current);
  if (options.reporter) warnUnusedNames(tree, names, result.sections, options.reporter);
  return result;
}

/**
 * Where the title heading is among the tree's top-level nodes (front matter left out), or -1:
 * a `#` heading that comes first, or, without a front-matter title, a first heading that is a
 * `#` one (a README's badges or logo may come before it).
 */
function titleIndex(nodes: readonly RootContent[], hasTitle: boolean | undefined): number {
  const first = nodes[0];
  if (first?.type === 'heading' && first.depth === 1) return 0;
  if (hasTitle) return -1;
  const index = nodes.findIndex((n) => n.type === 'heading');
  const heading = nodes[index];
  if (index <= 0 || heading?.type !== 'heading' || heading.depth !== 1) return -1;
  // A title in raw HTML before it (see htmlTitle) comes first.
  return nodes.slice(0, index).some((n) => n.type === 'html' && h1InHtml(n.value)) ? -1 : index;
}

/**
 * A title written as raw HTML before the first heading (a README's `<h1 align="center">Zod</h1>`
 * under its logo): its text, and the element is taken out of the HTML so that it is not printed
 * twice. Undefined when there is none.
 */
function htmlTitle(nodes: readonly RootContent[]): string | undefined {
  for (const node of nodes) {
    if (node.type === 'heading') return undefined;
    if (node.type !== 'html') continue;
    const found = h1InHtml(node.value);
    if (!found) continue;
    node.value = node.value.slice(0, found.start) + node.value.slice(found.end);
    return found.text;
  }
  return undefined;
}

/**
 * The first `<h1>` with text in a piece of raw HTML (or, when it holds only a logo, the logo's
 * description): its text and where the element is.
 */
function h1InHtml(html: string): { text: string; start: number; end: number } | undefined {
  const match = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(html);
  if (!match) return undefined;
  const tree = parseHtml(match[1] ?? '', { fragment: true });
  const text = (textOf(tree, false).replace(/\s+/g, ' ').trim() || textOf(tree, true).replace(/\s+/g, ' ').trim());
  return text ? { text, start: match.index, end: match.index + match[0].length } : undefined;
}

/** The text in an HTML tree; with `alt`, the descriptions of its images instead. */
function textOf(node: HastNode, alt: boolean): string {
  if (node.type === 'text') return alt ? '' : node.value;
  if (alt && node.type === 'element' && node.tagName === 'img') return ` ${String(node.properties.alt ?? '')} `;
  return 'children' in node ? node.children.map((c) => textOf(c as HastNode, alt)).join('') : '';
}

/**
 * Notes that use `#` for their sections and `##` under them (a word processor's "Heading 1" and
 * "Heading 2"): when the first heading after the title is a `#` one, the headings after the
 * title move one level down, so that each `#` opens a section and a `##` is a sub-heading in it,
 * as the author meant, instead of every `#` and `##` being a section of its own. A `##` that
 * names a special section (timeline, glossary, questions) still opens one. Run before anything
 * reads the sections (citations note the section they are in).
 */
export function levelHeadings(tree: Root, options: Pick<SplitOptions, 'names' | 'hasTitle'> = {}): void {
  const nodes = tree.children.filter((n) => n.type !== 'yaml');
  const rest = nodes.slice(titleIndex(nodes, options.hasTitle) + 1);
  const firstHeading = rest.find((n) => n.type === 'heading');
  if (firstHeading?.type !== 'heading' || firstHeading.depth !== 1) return;
  for (const node of rest) {
    if (node.type !== 'heading') continue;
    if (node.depth === 2 && sectionKind(headingText(node), options.names) !== 'body') continue;
    node.depth = Math.min(6, node.depth + 1) as Heading['depth'];
  }
}

/** A name in `sections:` that matches no heading is most likely a typo. */
function warnUnusedNames(tree: Root, names: SectionNames, sections: readonly Section[], reporter: Reporter): void {
  const titles = new Set(sections.filter((s) => s.heading).map((s) => normalise(s.title)));
  for (const [kind, value] of Object.entries(names) as [SpecialKind, SectionNames[SpecialKind]][]) {
    for (const name of listOf(value)) {
      if (titles.has(normalise(name))) continue;
      reporter.warn(`front matter: sections.${kind} names the heading "${name}", but the guide has no "## ${name}" heading`, 'section-name-unused', namePosition(tree, name));
    }
  }
}

/** Where a name is written in the front matter, or the front matter's first line. */
function namePosition(tree: Root, name: string): Position | undefined {
  const yaml = tree.children.find((n) => n.type === 'yaml');
  const start = yaml?.position?.start.line;
  if (!yaml || yaml.type !== 'yaml' || start === undefined) return undefined;
  const lines = yaml.value.split('\n');
  const from = Math.max(0, lines.findIndex((l) => /^sections\s*:/.test(l)));
  for (let i = from; i < lines.length; i++) {
    const column = lines[i]?.indexOf(name) ?? -1;
    if (column >= 0) return { line: start + 1 + i, column: column + 1 };
  }
  return { line: start + 1 + from, column: 1 };
}

/**
 * A heading's text, without the descriptions of images in it (a README's "# name [![Build
 * Status](…)]"), unless it is only images (`# ![unified](logo.svg)`). Sections are named by it,
 * and so are the sections citations are in (src/citations.ts), for "cited in".
 */
export function headingText(heading: Heading): string {
  const text = toString(heading, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
  return text || toString(heading).replace(/\s+/g, ' ').trim();
}
