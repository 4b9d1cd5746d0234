/**
 * The orchestrator: discover guides, load and check each, then render and print every
 * requested edition. Thin on purpose: each stage lives in its own module.
 */
import path from 'node:path';
import type { Printer } from './browser/printer.js';
export type { Printer };
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { discoverGuides } from './discover.js';
import type { ResolvedConfig } from './config.js';
import { loadGuide, type Guide, type LoadOptions } from './guide.js';
import type { Edition } from './html.js';
import { writeAtomic } from './output.js';
import { setPdfMetadata } from './pdf/metadata.js';
import { loadTemplates } from './templates.js';
import { buildView } from './view.js';

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
  timeoutMs?: number;
  /** A printer to reuse (watch mode); it is left open. Without one, a browser is started when needed and closed at the end. */
  printer?: Printer;
  /** Receives progress as it happens. */
  onEvent?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { type: 'browser'; executablePath: string; kind: string; source: string }
  | { type: 'output'; guide: string; edition: Edition; file: string; format: 'pdf' | 'html'; ms: number; bytes: number; pages?: number }
  | { type: 'skipped'; guide: string; reason: string };

export interface GuideReport {
  file: string;
  slug: string;
  title: string;
  diagnostics: Diagnostic[];
  outputs: string[];
  ok: boolean;
}

export interface RunReport {
  guides: GuideReport[];
  diagnostics: Diagnostic[];
  ok: boolean;
}

export async function checkGuides(options: CommonOptions = {}): Promise<RunReport> {
  const cwd = options.cwd ?? process.cwd();
  const files = await discoverGuides(guidePaths(options, cwd), cwd);
  const guides: GuideReport[] = [];
  for (const file of files) {
    const guide = await loadGuide(file, guideOptions(options));
    guides.push(report(guide, [], options.strict));
  }
  return summarise(guides);
}

export async function buildGuides(given: BuildOptions = {}): Promise<RunReport> {
  const cwd = given.cwd ?? process.cwd();
  const options = withConfig(given, cwd);
  const files = await discoverGuides(guidePaths(options, cwd), cwd);
  const outDir = path.resolve(cwd, options.outDir ?? 'dist');
  const editions = options.editions?.length ? options.editions : (['student', 'teacher'] as const);
  const templatesDir = options.templates ? path.resolve(cwd, options.templates) : undefined;
  const theme = options.config?.theme;
  let printer: Promise<Printer> | undefined = options.printer ? Promise.resolve(options.printer) : undefined;
  const guides: GuideReport[] = [];
  try {
    for (const file of files) {
      const guide = await loadGuide(file, guideOptions(options));
      if (hasErrors(guide.diagnostics, options.strict)) {
        options.onEvent?.({ type: 'skipped', guide: guide.slug, reason: 'content errors' });
        guides.push(report(guide, [], options.strict));
        continue;
      }
      const templates = await loadTemplates([path.join(guide.dir, 'templates'), ...(templatesDir ? [templatesDir] : [])]);
      const paper = options.paper ?? guide.meta.paper ?? options.config?.paper ?? 'a4';
      const outputs: string[] = [];
      const jobs = editions.map(async (edition) => {
        const started = performance.now();
        const html = templates.render(buildView(guide, { edition, paper, ...(theme ? { theme } : {}) }));
        const base = path.join(outDir, `${guide.slug}.${edition}`);
        if (options.html || options.htmlOnly) {
          await writeAtomic(`${base}.html`, html);
          outputs.push(`${base}.html`);
          options.onEvent?.({ type: 'output', guide: guide.slug, edition, file: `${base}.html`, format: 'html', ms: performance.now() - started, bytes: Buffer.byteLength(html) });
        }
        if (options.htmlOnly) return;
        printer ??= newPrinter(options);
        const printed = await (await printer).print({ html, baseDir: guide.dir, paper });
        // Metadata and fixed dates: the same guide gives the same bytes (src/pdf/metadata.ts).
        const pdf = await setPdfMetadata(printed.pdf, guide.meta, { file: guide.file });
        await writeAtomic(`${base}.pdf`, pdf);
        outputs.push(`${base}.pdf`);
        options.onEvent?.({ type: 'output', guide: guide.slug, edition, file: `${base}.pdf`, format: 'pdf', ms: performance.now() - started, bytes: pdf.byteLength, pages: countPages(pdf) });
      });
      await Promise.all(jobs);
      guides.push(report(guide, outputs.sort(), options.strict));
    }
  } finally {
    if (!options.printer) await (await printer?.catch(() => undefined))?.close();
  }
  return summarise(guides);
}

async function newPrinter(options: BuildOptions): Promise<Printer> {
  const { Printer } = await import('./browser/printer.js');
  const printerOptions: ConstructorParameters<typeof Printer>[0] = {
    onLaunch: (b) => options.onEvent?.({ type: 'browser', executablePath: b.executablePath, kind: b.kind, source: b.source }),
  };
  if (options.browser) printerOptions.browser = options.browser;
  if (options.timeoutMs) printerOptions.timeoutMs = options.timeoutMs;
  return new Printer(printerOptions);
}

/** Command-line values win over the config file; paper and citation style sit below front matter. */
function withConfig(options: BuildOptions, cwd: string): BuildOptions {
  const c = options.config;
  if (!c) return options;
  const fromConfigDir = (p: string | undefined) => (p === undefined ? undefined : path.relative(cwd, path.resolve(c.dir, p)) || '.');
  const merged: BuildOptions = { ...options };
  merged.outDir ??= fromConfigDir(c.out);
  merged.templates ??= fromConfigDir(c.templates);
  merged.strict ??= c.strict;
  merged.html ??= c.html;
  merged.browser ??= c.browser;
  if (merged.timeoutMs === undefined && c.timeout !== undefined) merged.timeoutMs = c.timeout * 1000;
  if (!merged.editions?.length && c.edition && c.edition !== 'all') merged.editions = [c.edition];
  return merged;
}

function guidePaths(options: CommonOptions, cwd: string): string[] {
  if (options.paths?.length) return [...options.paths];
  const content = options.config?.content;
  if (content !== undefined && options.config) {
    return (Array.isArray(content) ? content : [content]).map((p) => path.relative(cwd, path.resolve(options.config?.dir ?? cwd, p)) || '.');
  }
  return ['content'];
}

function guideOptions(options: CommonOptions): LoadOptions {
  const load: LoadOptions = {};
  if (options.citationStyle) load.citationStyle = options.citationStyle;
  if (options.config?.citationStyle) load.defaultCitationStyle = options.config.citationStyle;
  if (options.verifySources) load.verify = { online: true, ...(options.crossrefUrl ? { crossrefUrl: options.crossrefUrl } : {}) };
  return load;
}

function report(guide: Guide, outputs: string[], strict = false): GuideReport {
  return { file: guide.file, slug: guide.slug, title: guide.meta.title, diagnostics: guide.diagnostics, outputs, ok: !hasErrors(guide.diagnostics, strict) };
}

function summarise(guides: GuideReport[]): RunReport {
  return { guides, diagnostics: guides.flatMap((g) => g.diagnostics), ok: guides.every((g) => g.ok) };
}

/** Page count for progress lines: Chrome writes one `/Type /Page` object per page. */
function countPages(pdf: Uint8Array): number | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const n = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length;
  return n || undefined;
}
