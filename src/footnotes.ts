/**
 * Markdown footnotes (`text[^1]` … `[^1]: the note`) as the handout's endnotes. A guide is
 * rendered section by section, and a footnote's definition usually sits at the end of the file,
 * in another section than its references: left to remark-rehype, each section printed its own
 * numbers from 1 and the notes themselves were lost. So the definitions are taken out of the
 * tree when the guide is read, each edition numbers the footnotes it shows in reading order,
 * and their text is printed in the Notes section (after the notes of a note citation style).
 */
import type { FootnoteDefinition, Parent, Root, RootContent } from 'mdast';
import type { Reporter } from './diagnostics.js';

export type Footnotes = ReadonlyMap<string, FootnoteDefinition>;

/** Removes every footnote definition from the tree; warns about one that nothing refers to. */
export function extractFootnotes(tree: Root, reporter: Reporter): Footnotes {
  const definitions = new Map<string, FootnoteDefinition>();
  const referenced = new Set<string>();
  const walk = (parent: Parent) => {
    parent.children = parent.children.filter((node) => {
      if (node.type === 'footnoteDefinition') {
        // The first definition of a label wins, as in GitHub's Markdown.
        if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
        walk(node);
        return false;
      }
      if (node.type === 'footnoteReference') referenced.add(node.identifier);
      if ('children' in node) walk(node as Parent);
      return true;
    }) as Parent['children'];
  };
  walk(tree);
  for (const [id, node] of definitions) {
    const at = node.position?.start;
    if (!referenced.has(id)) reporter.warn(`footnote [^${node.label ?? id}] is never referred to: add [^${node.label ?? id}] where it belongs, or remove it`, 'unused-footnote', at ? { line: at.line, column: at.column } : undefined);
  }
  return definitions;
}

/** The footnotes of one edition, numbered as the renderer meets their references. */
export class FootnoteNumbers {
  private readonly numbers = new Map<string, number>();

  constructor(
    private readonly definitions: Footnotes,
    /** The first number: after the notes of a note citation style. */
    private readonly first = 1,
  ) {}

  /** The number of a footnote, given at its first reference; undefined when it has no definition. */
  number(identifier: string): number | undefined {
    if (!this.definitions.has(identifier)) return undefined;
    let n = this.numbers.get(identifier);
    if (n === undefined) {
      n = this.first + this.numbers.size;
      this.numbers.set(identifier, n);
    }
    return n;
  }

  /**
   * The footnotes referred to so far, in number order, each rendered by `render` (which may
   * number footnotes referred to inside a footnote: they are added to the end).
   */
  notes(render: (nodes: readonly RootContent[]) => string): { number: number; html: string }[] {
    const out: { number: number; html: string }[] = [];
    for (let i = 0; i < this.numbers.size; i++) {
      const [id, number] = [...this.numbers][i] as [string, number];
      out.push({ number, html: render((this.definitions.get(id) as FootnoteDefinition).children) });
    }
    return out;
  }
}
