/**
 * Limits that keep a hostile or broken guide from hanging or crashing a build: size is checked
 * when the file is read; nesting (quotes in quotes, lists in lists) is checked here, cheaply
 * before parsing and exactly after it, so that no stage recurses without bound.
 */
import type { Root } from 'mdast';
import type { Reporter } from './diagnostics.js';

export const maxNesting = 40;
const maxIndent = 4 * maxNesting;

/** Before parsing: lines indented or quoted far beyond any real handout. */
export function checkNestingText(text: string, reporter: Reporter): boolean {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const indent = /^[ \t>]*/.exec(line)?.[0] ?? '';
    const quotes = indent.split('>').length - 1;
    if (quotes > maxNesting || indent.replace(/\t/g, '    ').length > maxIndent) {
      reporter.error(`nesting is too deep here (more than ${maxNesting} levels of lists or quotes); a handout cannot print this`, 'nesting-too-deep', { line: i + 1, column: 1 });
      return false;
    }
  }
  return true;
}

/** After parsing: the deepest chain of nodes, measured without recursion. */
export function checkNestingTree(tree: Root, reporter: Reporter): boolean {
  const stack: { node: { children?: unknown[]; position?: { start: { line: number; column: number } } }; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() ?? { node: tree, depth: 0 };
    if (depth > maxNesting * 2) {
      const p = node.position?.start;
      reporter.error(`nesting is too deep here (more than ${maxNesting} levels); a handout cannot print this`, 'nesting-too-deep', p ? { line: p.line, column: p.column } : undefined);
      return false;
    }
    for (const child of node.children ?? []) stack.push({ node: child as (typeof stack)[number]['node'], depth: depth + 1 });
  }
  return true;
}
