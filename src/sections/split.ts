/**
 * Splits a guide's body into sections at its `##` headings and recognises the special ones
 * (timeline, glossary, discussion questions) by their heading, in several languages.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

export type SectionKind = 'body' | 'timeline' | 'glossary' | 'questions';

export interface Section {
  kind: SectionKind;
  /** The `##` heading that opens it; absent for text before the first heading. */
  heading?: Heading;
  title: string;
  /** Everything after the heading up to the next heading of the same or a higher level. */
  nodes: RootContent[];
}

const headingNames: Record<Exclude<SectionKind, 'body'>, string[]> = {
  timeline: ['timeline', 'chronology', 'time line', 'zeitleiste', 'zeittafel', 'chronologie', 'frise chronologique', 'cronología', 'cronologia', 'línea de tiempo', 'хронологія', 'хронология'],
  glossary: ['glossary', 'key terms', 'vocabulary', 'glossar', 'begriffe', 'glossaire', 'vocabulaire', 'glosario', 'vocabulario', 'словник', 'глосарій', 'глоссарий', 'словарь'],
  questions: [
    'discussion questions', 'questions', 'questions for discussion', 'discussion',
    'diskussionsfragen', 'fragen', 'questions de discussion', 'questions à discuter',
    'preguntas', 'preguntas de debate', 'preguntas para el debate', 'preguntas de discusión',
    'питання для обговорення', 'питання', 'вопросы для обсуждения', 'вопросы',
  ],
};

export function sectionKind(title: string): SectionKind {
  const t = title.trim().replace(/[:.]$/, '').replace(/\s+/g, ' ').toLocaleLowerCase();
  for (const [kind, names] of Object.entries(headingNames) as [Exclude<SectionKind, 'body'>, string[]][]) {
    if (names.includes(t)) return kind;
  }
  return 'body';
}

export interface SplitResult {
  /** Text of a leading `# Heading`, used as the title when front matter has none. */
  h1?: string;
  sections: Section[];
}

export function splitSections(tree: Root): SplitResult {
  const nodes = tree.children.filter((n) => n.type !== 'yaml');
  const result: SplitResult = { sections: [] };
  const first = nodes[0];
  if (first?.type === 'heading' && first.depth === 1) {
    result.h1 = toString(first);
    nodes.shift();
  }
  let current: Section = { kind: 'body', title: '', nodes: [] };
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (current.heading || current.nodes.length > 0) result.sections.push(current);
      const title = toString(node);
      current = { kind: sectionKind(title), heading: node, title, nodes: [] };
      continue;
    }
    current.nodes.push(node);
  }
  if (current.heading || current.nodes.length > 0) result.sections.push(current);
  return result;
}
