/**
 * Reference-style links (`[text][label]`, `[label][]`, `[label]`) and images (`![alt][label]`)
 * turned into ordinary links and images with the URL of their definition (`[label]: url "title"`).
 *
 * A guide's sections are made into HTML one by one (src/html.ts), and a definition is usually
 * written once at the end of the text: resolved on the whole tree first, a reference finds its
 * definition wherever in the guide it is, as CommonMark says it should.
 */
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export function resolveLinkReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    // The first definition of a label is the one that counts.
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  if (definitions.size === 0) return;
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'linkReference' && node.type !== 'imageReference') || parent === undefined || index === undefined) return;
    const definition = definitions.get(node.identifier);
    if (!definition) return;
    const target = { url: definition.url, ...(definition.title ? { title: definition.title } : {}), ...(node.position ? { position: node.position } : {}) };
    const replacement: Link | Image = node.type === 'linkReference' ? { type: 'link', ...target, children: node.children } : { type: 'image', ...target, ...(node.alt == null ? {} : { alt: node.alt }) };
    parent.children[index] = replacement as never;
  });
}
