/**
 * Stage 1: Markdown text → mdast. CommonMark + GFM (tables, footnotes, strikethrough),
 * YAML front matter, definition lists and `:::name` directives.
 *
 * micromark is thorough but not quick: about 40–85 ms for a guide of 10–20 kB in a warm
 * process and 100–200 ms in a new one, where its code has not been optimised yet. So a guide is
 * parsed in parts, cut before its headings where that gives the same tree
 * (src/sections-split.ts), and the tree of each part is kept: in memory for watch mode, and in
 * studyguide's disk cache (src/references/disk-cache.ts, `parsed/`) for the next run, keyed by
 * the part's text and the parsing code. An edit to one section parses that section again;
 * building a guide again, or checking it, or building a folder where most guides did not
 * change, reads the rest back (a part's tree is plain data, about five times its text as JSON,
 * read back in well under a millisecond).
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import { remarkDefinitionList } from 'remark-definition-list';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Point } from 'unist';
import { codeStamp } from './code-hash.js';
import { sha256 } from './hash.js';
import { cacheDir, readCacheFile, writeCacheFile } from './references/disk-cache.js';
import { splitParts, type Part } from './sections-split.js';

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

/** Part trees kept on disk (a guide has 5–30 parts of 1–20 kB). A text longer than `cachedUpTo` is parsed each time. */
const keepTrees = 2000;
const cachedUpTo = 1024 * 1024;
/** Part trees kept in memory, as JSON (each call gets a tree of its own). */
const inMemory = new Map<string, string>();
const keepInMemory = 400;

/** Forgets the trees kept in this process (the disk cache stays), as a new process would start. */
export function forgetParsedTrees(): void {
  inMemory.clear();
}

export function parseMarkdown(text: string): Root {
  const parts = splitParts(text);
  if (parts.length === 1) return parsePart(text);
  const root: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) } };
  for (const part of parts) {
    for (const child of parsePart(part.text).children) {
      shift(child, part);
      root.children.push(child);
    }
  }
  return root;
}

/** One part's tree: from memory, else from the disk cache, else parsed (and kept in both). */
function parsePart(text: string): Root {
  if (text === '' || text.length > cachedUpTo) return parser.parse(text);
  const key = sha256(`${codeStamp(import.meta.url, parsingPackages, ['./sections-split.js'])}\0${text}`);
  const remembered = inMemory.get(key);
  if (remembered !== undefined) return JSON.parse(remembered) as Root;
  const onDisk = cacheDir() === undefined ? undefined : readCacheFile('parsed', key, '.json')?.toString('utf8');
  let tree: unknown;
  try {
    tree = onDisk === undefined ? undefined : JSON.parse(onDisk);
  } catch {
    tree = undefined;
  }
  let json = onDisk;
  if (!isRoot(tree)) {
    tree = parser.parse(text);
    json = JSON.stringify(tree);
    if (cacheDir() !== undefined) writeCacheFile('parsed', key, '.json', json, keepTrees);
  }
  inMemory.set(key, json as string);
  if (inMemory.size > keepInMemory) inMemory.delete(inMemory.keys().next().value as string);
  return tree as Root;
}

/** Positions of a part's nodes, made positions in the whole text (a part starts at the start of a line). */
function shift(node: Node, part: Part): void {
  if (node.position) {
    move(node.position.start, part);
    move(node.position.end, part);
  }
  if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) shift(child, part);
}

function move(point: Point, part: Part): void {
  point.line += part.line - 1;
  if (point.offset !== undefined) point.offset += part.offset;
}

/** The point after the last character, as micromark gives it for the whole text. */
function endOf(text: string): Point {
  const lastBreak = text.lastIndexOf('\n');
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line += 1;
  return { line, column: text.length - lastBreak, offset: text.length };
}

function isRoot(value: unknown): value is Root {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'root' && Array.isArray((value as { children?: unknown }).children);
}
