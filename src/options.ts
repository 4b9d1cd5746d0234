/** The options of a run, and how the config file, front matter and flags combine. */
import path from 'node:path';
import type { Printer } from './browser/printer.js';
import type { ResolvedConfig } from './config.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import type { Guide, LoadOptions } from './guide.js';
import type { Edition } from './html.js';

export interface CommonOptions {
  /** Guide files, guide folders or folders of guide folders. Default: `content/`. */
  paths?: readonly string[];
  /** Folder that relative paths are resolved against. Default: the current folder. */
  cwd?: string;
  /** Treat warnings as errors. */
  strict?: boolean;
  /** Citation style for every guide, overriding front matter: a style name or a .csl file. */
  citationStyle?: string;
  /** Check DOIs (Crossref) and web addresses online, keeping the results next to each guide. */
  verifySources?: boolean;
  /** Crossref API root for --verify-sources (tests point it at a local server). */
  crossrefUrl?: string;
  /** The project config (see loadConfig): defaults below front matter and these options. */
  config?: ResolvedConfig;
  /** Build only part of the guides: `{ index: 2, count: 8 }` is the second of eight equal parts. */
  shard?: { index: number; count: number };
}

export interface BuildOptions extends CommonOptions {
  /** Output folder. Default: `dist/`. */
  outDir?: string;
  editions?: readonly Edition[];
  /** Paper size for every guide, overriding front matter. */
  paper?: 'a4' | 'letter';
  /** Also write the HTML of each edition. */
  html?: boolean;
  /** Write only HTML: no browser is started. */
  htmlOnly?: boolean;
  /** A folder of templates that overrides the built-in ones. */
  templates?: string;
  /** Path of the browser to print with. */
  browser?: string;
  /** Print with an already running browser (its DevTools WebSocket URL) instead of starting one. */
  browserWSEndpoint?: string;
  /** Fetch remote images and stylesheets a guide asks for (size and time limited); off by default. */
  allowRemote?: boolean;
  timeoutMs?: number;
  /** A printer to reuse (watch mode); it is left open. Without one, a browser is started when needed and closed at the end. */
  printer?: Printer;
  /** Receives progress as it happens. */
  onEvent?: (event: BuildEvent) => void;
  /** Pad each PDF to an even number of pages with a blank page (default: the config's `duplex`, else off). */
  duplex?: boolean;
  /** Also write `<slug>.<edition>.booklet.pdf`: two pages per side of a landscape sheet, in order for folding. */
  booklet?: boolean;
  /** Print every edition, also one whose last build is unchanged (src/last-build.ts). */
  force?: boolean;
}

export type BuildEvent =
  | { type: 'browser'; executablePath: string; kind: string; source: string; pages?: number }
  | { type: 'output'; guide: string; edition: Edition; file: string; format: 'pdf' | 'html'; ms: number; bytes: number; pages?: number; prints?: number; pagesFrom?: 'earlier' | 'same' | 'estimate' | 'none'; unchanged?: boolean; printedBecause?: string }
  | { type: 'skipped'; guide: string; reason: string };

export interface GuideReport {
  file: string;
  slug: string;
  title: string;
  diagnostics: Diagnostic[];
  outputs: string[];
  /** Those of `outputs` kept from the last build because nothing in them changed (not written again). */
  kept?: string[];
  ok: boolean;
  /** Why printing this guide failed (a crash or a time-out), when it did. */
  failure?: string;
}

export interface RunReport {
  guides: GuideReport[];
  diagnostics: Diagnostic[];
  ok: boolean;
}

export function guideReport(guide: Guide, outputs: string[], strict = false): GuideReport {
  return { file: guide.file, slug: guide.slug, title: guide.meta.title, diagnostics: guide.diagnostics, outputs, ok: !hasErrors(guide.diagnostics, strict) };
}

/** Command-line values win over the config file; paper and citation style sit below front matter. */
export function withConfig(options: BuildOptions, cwd: string): BuildOptions {
  const c = options.config;
  if (!c) return options;
  const fromConfigDir = (p: string | undefined) => (p === undefined ? undefined : path.relative(cwd, path.resolve(c.dir, p)) || '.');
  const merged: BuildOptions = { ...options };
  merged.outDir ??= fromConfigDir(c.out);
  merged.templates ??= fromConfigDir(c.templates);
  merged.strict ??= c.strict;
  merged.html ??= c.html;
  merged.browser ??= c.browser;
  merged.browserWSEndpoint ??= c.browserWSEndpoint;
  if (merged.timeoutMs === undefined && c.timeout !== undefined) merged.timeoutMs = c.timeout * 1000;
  if (!merged.editions?.length && c.edition && c.edition !== 'all') merged.editions = [c.edition];
  return merged;
}

export function guidePaths(options: CommonOptions, cwd: string): string[] {
  if (options.paths?.length) return [...options.paths];
  const content = options.config?.content;
  if (content !== undefined && options.config) {
    return (Array.isArray(content) ? content : [content]).map((p) => path.relative(cwd, path.resolve(options.config?.dir ?? cwd, p)) || '.');
  }
  return ['content'];
}

export function guideOptions(options: CommonOptions): LoadOptions {
  const load: LoadOptions = {};
  if (options.citationStyle) load.citationStyle = options.citationStyle;
  if (options.config?.citationStyle) load.defaultCitationStyle = options.config.citationStyle;
  if (options.verifySources) load.verify = { online: true, ...(options.crossrefUrl ? { crossrefUrl: options.crossrefUrl } : {}) };
  return load;
}

/** The guides of one shard: every `count`-th guide in path order, so shards are the same size. */
export function selectShard<T>(items: readonly T[], shard: CommonOptions['shard']): T[] {
  if (!shard) return [...items];
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
