/**
 * Claims tables: a `:::claims` block holding a table whose columns are the claim, what the
 * evidence says, the verdict and the sources. Verdicts are sorted into accurate, inaccurate,
 * misleading, unverifiable or other, so that each prints with its own mark (also in grey).
 */
import type { Parent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Reporter } from './diagnostics.js';

export type Verdict = 'accurate' | 'inaccurate' | 'misleading' | 'unverifiable' | 'other';

const verdictWords: [Verdict, RegExp][] = [
  ['inaccurate', /^(inaccurate|false|wrong|incorrect|untrue|falsch|unzutreffend|faux|inexact|falso|incorrecto|неправдиво|хибно|невірно|неверно|ложно)/i],
  ['unverifiable', /^(unverifiable|unverified|cannot be verified|not verifiable|nicht überprüfbar|unbelegt|invérifiable|no verificable|неперевірюване|не підтверджено|непроверяемо)/i],
  ['misleading', /^(misleading|one-sided|oversimplified|imprecise|partly|half-true|missing context|irreführend|einseitig|trompeur|engañoso|маніпулятивно|вводить в оману|вводит в заблуждение)/i],
  ['accurate', /^(accurate|true|correct|right|zutreffend|richtig|wahr|exact|vrai|correcto|cierto|verdadero|правдиво|вірно|правильно|верно)/i],
];

export function verdictOf(text: string): Verdict {
  const t = text.trim().replace(/^[*_]+/, '');
  for (const [verdict, re] of verdictWords) if (re.test(t)) return verdict;
  return 'other';
}

/** Marks the verdict cell of every row in `:::claims` tables; reports a block without a table. */
export function markClaims(tree: Root, reporter: Reporter): void {
  const visit = (parent: Parent): void => {
    for (const node of parent.children as RootContent[]) {
      if (node.type === 'containerDirective' && node.name === 'claims') {
        const tables = node.children.filter((c): c is Table => c.type === 'table');
        if (tables.length === 0) {
          const p = node.position?.start;
          reporter.warn('a :::claims block needs a table: | Claim | What the evidence says | Verdict | Sources |', 'claims-table', p ? { line: p.line, column: p.column } : undefined);
        }
        for (const table of tables) markTable(table, reporter);
        continue;
      }
      if ('children' in node) visit(node as Parent);
    }
  };
  visit(tree);
}

function markTable(table: Table, reporter: Reporter): void {
  const [header, ...rows] = table.children;
  if (header && header.children.length < 3) {
    const p = table.position?.start;
    reporter.warn('a claims table needs at least three columns: claim, what the evidence says, verdict (and sources)', 'claims-table', p ? { line: p.line, column: p.column } : undefined);
    return;
  }
  table.data = { hProperties: { className: ['claims'] } };
  for (const row of rows) {
    const cell = row.children[2];
    if (!cell) continue;
    const verdict = verdictOf(toString(cell));
    cell.data = { hProperties: { className: ['verdict', `verdict-${verdict}`] } };
  }
}
