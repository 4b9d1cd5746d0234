/**
 * The orchestrator: discover guides, load and check each, then print every requested edition.
 * Thin on purpose: each stage lives in its own module. Guides are prepared while others print,
 * so the one browser stays busy; a guide that fails to print is reported, and the rest build.
 */
import path from 'node:path';
import type { Printer } from './browser/printer.js';
import { hasErrors, StudyguideError, type Diagnostic } from './diagnostics.js';
import { discoverGuides } from './discover.js';
import { loadGuide, type Guide } from './guide.js';
import { guideOptions, guidePaths, selectShard, withConfig, type BuildOptions, type CommonOptions, type GuideReport, type RunReport } from './options.js';

export type { BuildOptions, CommonOptions, BuildEvent, GuideReport, RunReport } from './options.js';
export type { Printer };

/** Guides prepared and printed at once: enough to keep the browser's pages busy. */
const guidesInFlight = 3;

export async function checkGuides(options: CommonOptions = {}): Promise<RunReport> {
  const cwd = options.cwd ?? process.cwd();
  const files = selectShard(await discoverGuides(guidePaths(options, cwd), cwd), options.shard);
  const guides: GuideReport[] = [];
  for (const file of files) guides.push(report(await loadGuide(file, guideOptions(options)), [], options.strict));
  return summarise(guides);
}

export async function buildGuides(given: BuildOptions = {}): Promise<RunReport> {
  const cwd = given.cwd ?? process.cwd();
  const options = withConfig(given, cwd);
  const files = selectShard(await discoverGuides(guidePaths(options, cwd), cwd), options.shard);
  const outDir = path.resolve(cwd, options.outDir ?? 'dist');
  const editions = options.editions?.length ? options.editions : (['student', 'teacher'] as const);
  const templatesDir = options.templates ? path.resolve(cwd, options.templates) : undefined;
  let printer: Promise<Printer> | undefined = options.printer ? Promise.resolve(options.printer) : undefined;
  const getPrinter = () => (printer ??= newPrinter(options));
  const reports: GuideReport[] = new Array<GuideReport>(files.length);
  // Loaded here, not at the top: `check` needs none of the HTML, template and PDF stages.
  const [{ buildGuide }, { loadTemplates, TemplateError }] = await Promise.all([import('./build-guide.js'), import('./templates.js')]);

  const one = async (file: string, index: number): Promise<void> => {
    const guide = await loadGuide(file, guideOptions(options));
    if (hasErrors(guide.diagnostics, options.strict)) {
      options.onEvent?.({ type: 'skipped', guide: guide.slug, reason: 'content errors' });
      reports[index] = report(guide, [], options.strict);
      return;
    }
    const templates = await loadTemplates([path.join(guide.dir, 'templates'), ...(templatesDir ? [templatesDir] : [])]);
    try {
      const { outputs, warnings } = await buildGuide({
        guide,
        templates,
        outDir,
        editions,
        paper: options.paper ?? guide.meta.paper ?? options.config?.paper ?? 'a4',
        ...(options.config?.theme ? { theme: options.config.theme } : {}),
        printer: getPrinter,
        options,
      });
      guide.diagnostics.push(...warnings);
      reports[index] = report(guide, outputs, options.strict);
    } catch (e) {
      // Problems of the whole run (no browser, a broken template) stop it; a guide that
      // cannot be printed (a crash, a time-out) is reported and the others go on.
      if (e instanceof TemplateError || (e instanceof StudyguideError && !isPrintFailure(e))) throw e;
      const message = e instanceof Error ? e.message : String(e);
      options.onEvent?.({ type: 'skipped', guide: guide.slug, reason: `printing failed: ${message}` });
      const failed = report(guide, [], options.strict);
      failed.ok = false;
      failed.failure = message;
      failed.diagnostics = [...failed.diagnostics, { severity: 'error', file: guide.file, message: `could not be printed: ${message}`, rule: 'print-failed' } satisfies Diagnostic];
      reports[index] = failed;
    }
  };

  try {
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const index = next++;
        const file = files[index];
        if (file !== undefined) await one(file, index);
      }
    };
    await Promise.all(Array.from({ length: Math.min(guidesInFlight, files.length) }, worker));
  } finally {
    if (!options.printer) await (await printer?.catch(() => undefined))?.close();
  }
  return summarise(reports);
}

function isPrintFailure(e: StudyguideError): boolean {
  return /printing (took longer|failed)/.test(e.message);
}

async function newPrinter(options: BuildOptions): Promise<Printer> {
  const { Printer } = await import('./browser/printer.js');
  const printerOptions: ConstructorParameters<typeof Printer>[0] = {
    onLaunch: (b) => options.onEvent?.({ type: 'browser', executablePath: b.executablePath, kind: b.kind, source: b.source }),
  };
  if (options.browser) printerOptions.browser = options.browser;
  if (options.browserWSEndpoint) printerOptions.browserWSEndpoint = options.browserWSEndpoint;
  if (options.allowRemote) printerOptions.allowRemote = true;
  if (options.timeoutMs) printerOptions.timeoutMs = options.timeoutMs;
  return new Printer(printerOptions);
}

function report(guide: Guide, outputs: string[], strict = false): GuideReport {
  return { file: guide.file, slug: guide.slug, title: guide.meta.title, diagnostics: guide.diagnostics, outputs, ok: !hasErrors(guide.diagnostics, strict) };
}

function summarise(guides: GuideReport[]): RunReport {
  return { guides, diagnostics: guides.flatMap((g) => g.diagnostics), ok: guides.every((g) => g.ok) };
}
