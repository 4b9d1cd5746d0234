/** Images need a text alternative for students who use screen readers: a warning where one is missing. */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Reporter } from './diagnostics.js';

export function checkAltText(tree: Root, reporter: Reporter): void {
  visit(tree, (node) => {
    const p = node.position?.start;
    const at = p ? { line: p.line, column: p.column } : undefined;
    if (node.type === 'image' && !node.alt?.trim()) {
      const url = shortUrl(node.url);
      reporter.warn(`image "${url}" has no description for screen readers: write it in the brackets, ![a map of Europe in 1955](${url})`, 'image-alt', at);
    }
    if (node.type === 'html') {
      for (const m of node.value.matchAll(/<img\b[^>]*>/gi)) {
        if (!/\salt\s*=\s*("[^"]*\S[^"]*"|'[^']*\S[^']*'|[^\s"'>]+)/i.test(m[0])) {
          reporter.warn('image has no description for screen readers: add alt="…" to the <img> tag', 'image-alt', at);
        }
      }
    }
  });
}

/** An image's address as a message shows it: a picture written into the text as data is thousands of characters long. */
function shortUrl(url: string): string {
  if (url.startsWith('data:')) return `${url.slice(0, Math.min(url.indexOf(',') + 1 || 40, 40))}…`;
  return url.length > 100 ? `${url.slice(0, 99)}…` : url;
}
