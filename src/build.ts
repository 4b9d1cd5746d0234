/**
 * The orchestrator: discover guides, load and check each, then print every requested edition.
 * Thin on purpose: each stage lives in its own module. Guides are prepared while others print,
 * so the one browser stays busy; a guide that fails to print is reported, and the rest build.
 */
import path from 'node:path';
import type { Printer } from './browser/printer.js';
import { ExitCode, StudyguideError } from './diagnostics.js';
import { discoverGuides } from './discover.js';
import { probablyAllKept } from './last-build.js';
import { fsReason, makeFolder, shownPath } from './paths.js';
import { guideOptions, guidePaths, guideReport as report, selectShard, withConfig, type BuildOptions, type CommonOptions, type GuideReport, type RunReport } from './options.js';

export type { BuildOptions, CommonOptions, BuildEvent, GuideReport, RunReport } from './options.js';
export type { Printer };

/** Guides prepared and printed at once without a browser (`--html-only`). */
const guidesInFlight = 3;
export async function checkGuides(options: CommonOptions = {}): Promise<RunReport> {
  const cwd = options.cwd ?? process.cwd();
  const files = selectShard(await discoverGuides(guidePaths(options, cwd), cwd), options.shard);
  // Loaded here, not at the top: a build finds its guides and starts its browser before the
  // pipeline is loaded (src/build-one.ts loads it), so that Chrome boots on the other core meanwhile.
  const { loadGuide } = await import('./guide.js');
  const guides: GuideReport[] = [];
  for (const file of files) guides.push(report(await loadGuide(file, guideOptions(options)), [], options.strict));
  return summarise(guides);
}

export async function buildGuides(given: BuildOptions = {}): Promise<RunReport> {
  const cwd = given.cwd ?? process.cwd();
  const options = withConfig(given, cwd);
  const files = selectShard(await discoverGuides(guidePaths(options, cwd), cwd), options.shard);
  let printer: Promise<Printer> | undefined = options.printer ? Promise.resolve(options.printer) : undefined;
  const getPrinter = () => (printer ??= import('./browser/printer.js').then(({ printerFor }) => printerFor(options)));
  const outDir = path.resolve(cwd, options.outDir ?? 'dist');
  const editions = options.editions?.length ? options.editions : (['student', 'teacher'] as const);
  const templatesDir = options.templates ? path.resolve(cwd, options.templates) : undefined;
  const reports: GuideReport[] = new Array<GuideReport>(files.length);
  try {
    // An output folder that cannot be made (a file in the way, no permission) stops the run
    // here, with one clear line, before a browser is started.
    if (files.length > 0) await makeFolder(outDir).catch((e: unknown) => {
      throw new StudyguideError(`cannot write to the output folder ${shownPath(outDir, cwd)}: ${fsReason(e)}`, ExitCode.failure);
    });
    // The browser starts first, as a process of its own, so that it is ready by the time the
    // first guide has been read, checked and rendered (the first print waits for it otherwise).
    // The printer's module is small: awaiting it lets Chrome be spawned before the pipeline's
    // modules (below) take the JavaScript thread.
    // Not when every PDF will probably be kept (src/last-build.ts): then the browser is started
    // only if a print turns out to need it.
    if (!options.htmlOnly && files.length > 0 && (options.force || !(await probablyAllKept(files, outDir, editions)))) void (await getPrinter()).warm();
    // Loaded here, not at the top: `check` needs none of the HTML, template and PDF stages.
    const { buildOne } = await import('./build-one.js');
    const run = { options, outDir, editions, templatesDir, printer: getPrinter };
    // Guides in flight, each prepared while others print: one more than the printer has pages.
    const inFlight = options.htmlOnly || files.length === 0 ? guidesInFlight : (await getPrinter()).concurrency + 1;
    let next = 0;
    let stopped = false;
    const worker = async () => {
      for (let index = next++; index < files.length && !stopped; index = next++) {
        try {
          reports[index] = await buildOne(files[index] as string, run);
        } catch (e) {
          // A problem of the whole run (a broken template, no browser): no new guide is started.
          stopped = true;
          throw e;
        }
      }
    };
    // The guides in flight finish before the run ends and closes its browser.
    const settled = await Promise.allSettled(Array.from({ length: Math.min(inFlight, files.length) }, worker));
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    if (!options.printer) await (await printer?.catch(() => undefined))?.close();
  }
  return summarise(reports);
}

function summarise(guides: GuideReport[]): RunReport {
  return { guides, diagnostics: guides.flatMap((g) => g.diagnostics), ok: guides.every((g) => g.ok) };
}
