/**
 * Stage 1: Markdown text → mdast. CommonMark + GFM (tables, footnotes, strikethrough),
 * YAML front matter, definition lists and `:::name` directives.
 *
 * micromark is thorough but not quick: about 40 ms for a guide of 9 kB in a warm process and
 * 100–150 ms in a new one, where its code has not been optimised yet. The tree is plain data
 * (about five times the text as JSON, read back in under a millisecond), so the tree of a text
 * already parsed is kept in studyguide's disk cache (src/references/disk-cache.ts, `parsed/`),
 * keyed by the text and the parsing code: building a guide again, or checking it, or building
 * a folder where most guides did not change, skips the parser for every unchanged text.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import { remarkDefinitionList } from 'remark-definition-list';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { codeStamp } from './code-hash.js';
import { sha256 } from './hash.js';
import { cacheDir, readCache, writeCache } from './references/disk-cache.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkDefinitionList).freeze();

/** The packages whose code makes the tree (beside this module's own file, or the bundle). */
const parsingPackages = [
  'unified',
  'remark-parse',
  'remark-frontmatter',
  'remark-gfm',
  'remark-directive',
  'remark-definition-list',
  'micromark',
  'mdast-util-from-markdown',
  'micromark-extension-gfm',
  'mdast-util-gfm',
  'micromark-extension-directive',
  'mdast-util-directive',
  'micromark-extension-frontmatter',
  'mdast-util-frontmatter',
];

/** Trees kept: a guide's is 40–100 kB. A text longer than `cachedUpTo` is parsed each time. */
const keepTrees = 200;
const cachedUpTo = 1024 * 1024;

export function parseMarkdown(text: string): Root {
  if (text === '' || text.length > cachedUpTo || cacheDir() === undefined) return parser.parse(text);
  const key = sha256(`${codeStamp(import.meta.url, parsingPackages)}\0${text}`);
  const cached = readCache('parsed', key);
  if (isRoot(cached)) return cached;
  const tree = parser.parse(text);
  writeCache('parsed', key, tree, keepTrees);
  return tree;
}

function isRoot(value: unknown): value is Root {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'root' && Array.isArray((value as { children?: unknown }).children);
}
