/**
 * Directives that studyguide knows (`:::teacher`, `:::answer`) are kept; every other
 * directive goes back to the text it was written as, so that `10:30` or `ratio a:b`
 * print as typed. Unknown container directives are kept as plain blocks, with a warning.
 */
import type { Root, Parent, RootContent, Text } from 'mdast';
import type { Reporter } from './diagnostics.js';

export const containerDirectives = new Set(['teacher', 'answer', 'student', 'claims']);

export function restoreDirectives(tree: Root, source: string, reporter: Reporter): void {
  walk(tree);

  function walk(parent: Parent): void {
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i] as RootContent;
      if (node.type === 'textDirective' || node.type === 'leafDirective') {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const value = start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`;
        const text: Text = { type: 'text', value };
        if (node.position) text.position = node.position;
        if (node.type === 'leafDirective') parent.children[i] = { type: 'paragraph', children: [text], position: node.position } as RootContent;
        else parent.children[i] = text as RootContent;
        continue;
      }
      if (node.type === 'containerDirective' && !containerDirectives.has(node.name)) {
        reporter.warn(
          `unknown block ":::${node.name}"; known blocks are ${[...containerDirectives].map((n) => `:::${n}`).join(', ')}`,
          'unknown-directive',
          node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined,
        );
      }
      if ('children' in node) walk(node as Parent);
    }
    mergeTexts(parent);
  }
}

function mergeTexts(parent: Parent): void {
  const out: RootContent[] = [];
  for (const node of parent.children as RootContent[]) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') {
      last.value += node.value;
      if (last.position && node.position) last.position = { start: last.position.start, end: node.position.end };
    } else out.push(node);
  }
  parent.children = out as Parent['children'];
}
