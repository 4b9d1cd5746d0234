/**
 * Stage 1: Markdown text → mdast. CommonMark + GFM (tables, footnotes, strikethrough),
 * YAML front matter, definition lists and `:::name` directives.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import { remarkDefinitionList } from 'remark-definition-list';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkDefinitionList).freeze();

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}
