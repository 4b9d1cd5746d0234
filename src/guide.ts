/**
 * Reads one guide (Markdown + references) into an edition-independent model, collecting
 * every content problem as a positioned diagnostic. No browser, no HTML yet.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { collectCitations, type Cluster } from './citations.js';
import { Reporter, StudyguideError, type Diagnostic, type Position } from './diagnostics.js';
import { checkAltText } from './accessibility.js';
import { markClaims } from './claims.js';
import { restoreDirectives } from './directives.js';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import type { Theme } from './theme.js';
import { checkNestingText, checkNestingTree } from './limits.js';
import { parseMarkdown } from './parse.js';
import { resolveLinkReferences } from './link-references.js';
import { exists, inside, slugFromPath, titleFromPath } from './paths.js';
import { assessSources, type SourceRow } from './reliability/index.js';
import { verifySources, type VerifyOptions } from './reliability/verify.js';
import { builtinLabels, mergeLabels, readLabels, type SourceLabel } from './reliability/labels.js';
import { loadLibrary, referenceExtensions, type Library } from './references/index.js';
import { readInlineReferences } from './references/inline.js';
import { resolveStyle, StyleError, type Style } from './references/styles.js';
import { extractFootnotes, type Footnotes } from './footnotes.js';
import { extractGlossary, type Glossary } from './sections/glossary.js';
import { extractQuestions, type Questions } from './sections/questions.js';
import { levelHeadings, splitSections, type Section } from './sections/split.js';
import { extractTimeline, type Timeline } from './sections/timeline.js';

export interface GuideMeta {
  title: string;
  subtitle?: string;
  authors: string[];
  date?: string;
  lang: string;
  paper?: 'a4' | 'letter';
  keywords: string[];
  description?: string;
  /** Theme variables from the front matter (colours, fonts, sizes). */
  theme?: Theme;
  /** The front matter's `toc:`; unset, the config file decides (and then: on). */
  toc?: boolean;
}

export type GuideSection =
  | { kind: 'body'; section: Section }
  | { kind: 'timeline'; section: Section; timeline: Timeline }
  | { kind: 'glossary'; section: Section; glossary: Glossary }
  | { kind: 'questions'; section: Section; questions: Questions };

export interface Guide {
  file: string;
  dir: string;
  slug: string;
  meta: GuideMeta;
  sections: GuideSection[];
  /** Footnote definitions by identifier, taken out of the sections. */
  footnotes: Footnotes;
  clusters: Cluster[];
  library?: Library;
  style: Style;
  sources: SourceRow[];
  diagnostics: Diagnostic[];
}

const maxGuideBytes = 5 * 1024 * 1024;

export interface LoadOptions {
  /** Slug to use when the front matter names none. */
  slug?: string;
  /** Citation style that overrides the front matter (a name or a .csl file). */
  citationStyle?: string;
  /** Citation style used when neither the front matter nor `citationStyle` names one (from the config file). */
  defaultCitationStyle?: string;
  /** Check DOIs and web addresses online (`--verify-sources`); otherwise only earlier results are read. */
  verify?: Omit<VerifyOptions, 'online'> & { online?: boolean };
}

export async function loadGuide(file: string, options: LoadOptions = {}): Promise<Guide> {
  const reporter = new Reporter(file);
  const dir = path.dirname(file);
  const read = await readGuideText(file, reporter);
  // A guide nested beyond reason is reported, and its content is not processed further.
  const text = read !== undefined && checkNestingText(read, reporter) ? read : undefined;
  let tree: Root = parseMarkdown(text ?? '');
  if (text !== undefined && !checkNestingTree(tree, reporter)) tree = { type: 'root', children: [] };
  resolveLinkReferences(tree);
  const yamlNode = tree.children.find((n) => n.type === 'yaml');
  let fm: FrontMatter = {};
  if (yamlNode && yamlNode.type === 'yaml') fm = parseFrontMatter(yamlNode.value, (yamlNode.position?.start.line ?? 1) + 1, reporter);
  levelHeadings(tree, { names: fm.sections, hasTitle: fm.title !== undefined });
  restoreDirectives(tree, text ?? '', reporter);
  markClaims(tree, reporter);
  checkAltText(tree, reporter);

  const fmLine = (yamlNode?.position?.start.line ?? 1) + 1;
  const fmText = yamlNode?.type === 'yaml' ? yamlNode.value : '';
  const { library, diagnostics: refDiagnostics } = await loadReferences(file, fm, reporter, fmText, fmLine);
  const style = loadStyle(options.citationStyle ?? fm['citation-style'] ?? fm.csl ?? options.defaultCitationStyle, dir, reporter, fieldPosition(fmText, fmLine, ['citation-style', 'csl']));
  const clusters = collectCitations(tree, {
    source: text ?? '',
    knownKeys: new Set(library?.entries.keys() ?? []),
    hasLibrary: library !== undefined,
    reporter,
  });

  // Footnote definitions leave the tree: they are printed as the Notes of each edition (src/footnotes.ts).
  const footnotes = extractFootnotes(tree, reporter);
  const split = splitSections(tree, { names: fm.sections, reporter, hasTitle: fm.title !== undefined });
  const lang = fm.lang ?? 'en';
  const title = fm.title ?? split.h1 ?? titleFromPath(file);
  if (text !== undefined && !fm.title && !split.h1) reporter.warn(`the guide has no title, so "${title}" (from its file or folder name) is printed: add "title:" to the front matter or start with a "# Title" line`, 'missing-title', { line: 1, column: 1 });

  const sections: GuideSection[] = split.sections.map((section) => {
    switch (section.kind) {
      case 'timeline':
        return { kind: 'timeline', section, timeline: extractTimeline(section, reporter) };
      case 'glossary':
        return { kind: 'glossary', section, glossary: extractGlossary(section, lang, reporter) };
      case 'questions':
        return { kind: 'questions', section, questions: extractQuestions(section, reporter) };
      default:
        return { kind: 'body', section };
    }
  });

  if (library) warnUncited(library, clusters, refDiagnostics);
  const labels = library ? await loadLabels(dir, refDiagnostics) : [];
  const verification = library ? await verifySources(library, dir, { ...options.verify, online: options.verify?.online ?? false }) : undefined;
  const meta: GuideMeta = {
    title,
    authors: fm.author === undefined ? [] : Array.isArray(fm.author) ? fm.author : [fm.author],
    lang,
    keywords: fm.keywords ?? [],
  };
  if (fm.subtitle) meta.subtitle = fm.subtitle;
  if (fm.date) meta.date = fm.date;
  if (fm.paper) meta.paper = fm.paper;
  if (fm.description) meta.description = fm.description;
  if (fm.theme) meta.theme = fm.theme;
  if (fm.toc !== undefined) meta.toc = fm.toc;

  const guide: Guide = {
    file,
    dir,
    slug: fm.slug ?? options.slug ?? slugFromPath(file),
    meta,
    sections,
    footnotes,
    clusters,
    style,
    sources: assessSources(library, clusters, { labels, ...(verification ? { verification } : {}) }),
    diagnostics: [...reporter.diagnostics, ...refDiagnostics],
  };
  if (library) guide.library = library;
  return guide;
}

async function readGuideText(file: string, reporter: Reporter): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new StudyguideError(`cannot read guide ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (bytes.length > maxGuideBytes) {
    reporter.error(`the guide is ${(bytes.length / 1048576).toFixed(1)} MiB; the limit is ${maxGuideBytes / 1048576} MiB`, 'guide-too-large');
    return undefined;
  }
  if (bytes.includes(0)) {
    reporter.error('this is not a text file (it contains NUL bytes): a guide must be Markdown text', 'guide-binary');
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    reporter.error('the file is not UTF-8 text: save it as UTF-8 in your editor', 'guide-encoding', bad);
    return undefined;
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    reporter.error('the guide is empty', 'guide-empty', { line: 1, column: 1 });
    return undefined;
  }
  return text;
}

function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(lineStart, i));
      } catch {
        return { line, column: 1 };
      }
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: 1 };
}

async function loadReferences(guideFile: string, fm: FrontMatter, reporter: Reporter, fmText: string, fmLine: number): Promise<{ library?: Library; diagnostics: Diagnostic[] }> {
  const dir = path.dirname(guideFile);
  const named = typeof fm.references === 'string' ? fm.references : fm.bibliography;
  const key = typeof fm.references === 'string' ? 'references' : 'bibliography';
  const fieldAt = fieldPosition(fmText, fmLine, [key]);
  let file: string | undefined;
  if (named) {
    file = path.resolve(dir, named);
    if (!(await inside(dir, file))) {
      reporter.error(`references file "${named}" is outside the guide's folder; keep it next to the guide`, 'references-outside', fieldAt);
      file = undefined;
    } else if (!(await exists(file))) {
      reporter.error(`references file "${named}" not found next to the guide`, 'references-missing', fieldAt);
      file = undefined;
    } else if (!referenceExtensions.includes(path.extname(file).toLowerCase() as (typeof referenceExtensions)[number])) {
      reporter.error(`references file "${named}" must end in ${referenceExtensions.join(', ')}`, 'references-format', fieldAt);
      file = undefined;
    }
  } else if (!Array.isArray(fm.references)) {
    for (const name of ['references.bib', 'references.json', 'references.yaml', 'references.yml']) {
      if (await exists(path.join(dir, name))) {
        file = path.join(dir, name);
        break;
      }
    }
  }
  const diagnostics: Diagnostic[] = [];
  let library: Library | undefined;
  if (file) {
    const loaded = await loadLibrary(file);
    library = loaded.library;
    diagnostics.push(...loaded.reporter.diagnostics);
  }
  if (Array.isArray(fm.references)) {
    const inline = readInlineReferences(guideFile, fmText, fmLine, reporter);
    library = library ? mergeLibraries(library, inline, reporter) : inline;
  }
  return library ? { library, diagnostics } : { diagnostics };
}

/** Entries written in the front matter join those of the references file; a key in both is an error. */
function mergeLibraries(file: Library, inline: Library, reporter: Reporter): Library {
  const entries = new Map(file.entries);
  for (const [key, ref] of inline.entries) {
    const other = entries.get(key);
    if (other) {
      reporter.error(`duplicate citation key "${key}"`, 'reference-duplicate-key', ref.position, { file: file.file, position: other.position, message: `"${key}" is also defined here` });
      continue;
    }
    entries.set(key, ref);
  }
  return { file: file.file, entries };
}

function loadStyle(name: string | undefined, dir: string, reporter: Reporter, position: Position | undefined): Style {
  try {
    return resolveStyle(name, dir);
  } catch (e) {
    if (!(e instanceof StyleError)) throw e;
    reporter.error(e.message, 'citation-style', position);
    return resolveStyle('apa', dir);
  }
}

/** Line of a top-level front-matter field, for messages about its value. */
function fieldPosition(fmText: string, fmLine: number, keys: string[]): Position | undefined {
  const lines = fmText.split('\n');
  const index = lines.findIndex((l) => keys.some((k) => l.startsWith(`${k}:`)));
  return index >= 0 ? { line: fmLine + index, column: 1 } : undefined;
}

/** The shipped publisher labels, with the guide's own `source-labels.yaml` over them. */
async function loadLabels(dir: string, diagnostics: Diagnostic[]): Promise<SourceLabel[]> {
  const base = await builtinLabels();
  const own = path.join(dir, 'source-labels.yaml');
  if (!(await exists(own))) return base;
  const reporter = new Reporter(own);
  const overrides = await readLabels(own, reporter);
  diagnostics.push(...reporter.diagnostics);
  return mergeLabels(base, overrides);
}

function warnUncited(library: Library, clusters: readonly Cluster[], diagnostics: Diagnostic[]): void {
  const cited = new Set(clusters.flatMap((c) => c.items.map((i) => i.key)));
  for (const ref of library.entries.values()) {
    if (cited.has(ref.id)) continue;
    const d: Diagnostic = { severity: 'warning', file: library.file, message: `entry "${ref.id}" is never cited in the guide`, rule: 'uncited-reference' };
    if (ref.position) d.position = ref.position;
    diagnostics.push(d);
  }
}
