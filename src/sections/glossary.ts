/**
 * The glossary: a definition list (`Term` then `: definition`) or a list of
 * `**Term** — definition` items. Returned in alphabetical order for the guide's language.
 */
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position, Reporter } from '../diagnostics.js';
import type { Section } from './split.js';

export interface GlossaryEntry {
  term: PhrasingContent[];
  termText: string;
  definition: RootContent[];
  line: number;
}

export interface Glossary {
  intro: RootContent[];
  entries: GlossaryEntry[];
}

export function extractGlossary(section: Section, lang: string, reporter: Reporter): Glossary {
  const intro: RootContent[] = [];
  const entries: GlossaryEntry[] = [];
  for (const node of section.nodes) {
    if (node.type === 'defList') {
      let terms: { term: PhrasingContent[]; line: number; position?: Position }[] = [];
      let lastWasTerm = false;
      for (const child of node.children) {
        if (child.type === 'defListTerm') {
          if (!lastWasTerm) terms = [];
          terms.push({ term: child.children as PhrasingContent[], line: child.position?.start.line ?? 0 });
          lastWasTerm = true;
        } else {
          for (const t of terms) entries.push({ term: t.term, termText: toString({ type: 'paragraph', children: t.term }), definition: child.children as RootContent[], line: t.line });
          lastWasTerm = false;
        }
      }
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const entry = readListEntry(item);
        if (entry) entries.push(entry);
        else reporter.error('glossary item must start with the term in bold, then the definition: "**Term** — definition"', 'glossary-entry', at(item));
      }
    } else intro.push(node);
  }
  if (entries.length === 0) {
    reporter.warn(`the "${section.title}" section has no terms; write "Term" on one line and ": definition" on the next`, 'glossary-empty', section.heading?.position?.start);
  }
  const seen = new Map<string, GlossaryEntry>();
  for (const e of entries) {
    const key = e.termText.trim().toLocaleLowerCase(lang);
    const first = seen.get(key);
    if (first) {
      reporter.warn(`glossary term "${e.termText}" is defined twice`, 'glossary-duplicate', { line: e.line, column: 1 }, {
        file: reporter.file,
        position: { line: first.line, column: 1 },
        message: 'first defined here',
      });
    } else seen.set(key, e);
  }
  const collator = collatorFor(lang);
  entries.sort((a, b) => collator.compare(a.termText, b.termText));
  return { intro, entries };
}

function readListEntry(item: ListItem): GlossaryEntry | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const head = first.children[0];
  if (head?.type !== 'strong') return undefined;
  const rest = first.children.slice(1);
  const sep = rest[0];
  if (sep?.type === 'text') {
    sep.value = sep.value.replace(/^\s*(?:[—–:-]|--)?\s*/, '');
    if (sep.value === '') rest.shift();
  }
  const termText = toString(head).replace(/[:—–-]\s*$/, '').trim();
  const definition: RootContent[] = [];
  if (rest.length > 0) definition.push({ type: 'paragraph', children: rest });
  definition.push(...(item.children.slice(1) as RootContent[]));
  return { term: head.children, termText, definition, line: item.position?.start.line ?? 0 };
}

function collatorFor(lang: string): Intl.Collator {
  try {
    return new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  } catch {
    return new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  }
}

function at(node: { position?: { start: { line: number; column: number } } }): Position | undefined {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
}
