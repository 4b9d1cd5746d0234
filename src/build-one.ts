/**
 * One guide of a run, from its file to its outputs: load and check it, then build its
 * editions (src/build-guide.ts). The orchestrator (src/build.ts) runs several at once.
 */
import path from 'node:path';
import type { Printer } from './browser/printer.js';
import { buildGuide } from './build-guide.js';
import { hasErrors, StudyguideError, type Diagnostic } from './diagnostics.js';
import { loadGuide } from './guide.js';
import type { Edition } from './html.js';
import { guideOptions, guideReport as report, type BuildOptions, type GuideReport } from './options.js';
import { loadTemplates, TemplateError } from './templates.js';

export interface RunContext {
  /** The run's options, with the config file applied (`withConfig`). */
  options: BuildOptions;
  outDir: string;
  editions: readonly Edition[];
  /** `--templates`, resolved. */
  templatesDir: string | undefined;
  /** The run's printer, started on first use. */
  printer: () => Promise<Printer>;
}

/**
 * Builds one guide and reports it. A guide that cannot be printed (a crash, a time-out) is
 * reported as failed; problems of the whole run (no browser, a broken template) are thrown.
 */
export async function buildOne(file: string, run: RunContext): Promise<GuideReport> {
  const { options } = run;
  const guide = await loadGuide(file, guideOptions(options));
  if (hasErrors(guide.diagnostics, options.strict)) {
    options.onEvent?.({ type: 'skipped', guide: guide.slug, reason: 'content errors' });
    return report(guide, [], options.strict);
  }
  const templates = await loadTemplates([path.join(guide.dir, 'templates'), ...(run.templatesDir ? [run.templatesDir] : [])]);
  try {
    const { outputs, kept, warnings } = await buildGuide({
      guide,
      templates,
      outDir: run.outDir,
      editions: run.editions,
      paper: options.paper ?? guide.meta.paper ?? options.config?.paper ?? 'a4',
      ...(options.config?.theme ? { theme: options.config.theme } : {}),
      printer: run.printer,
      options,
    });
    guide.diagnostics.push(...warnings);
    return { ...report(guide, outputs, options.strict), kept };
  } catch (e) {
    if (e instanceof TemplateError || (e instanceof StudyguideError && !isPrintFailure(e))) throw e;
    const message = e instanceof Error ? e.message : String(e);
    options.onEvent?.({ type: 'skipped', guide: guide.slug, reason: `printing failed: ${message}` });
    const failed = report(guide, [], options.strict);
    failed.ok = false;
    failed.failure = message;
    failed.diagnostics = [...failed.diagnostics, { severity: 'error', file: guide.file, message: `could not be printed: ${message}`, rule: 'print-failed' } satisfies Diagnostic];
    return failed;
  }
}

function isPrintFailure(e: StudyguideError): boolean {
  return /printing (took longer|failed)/.test(e.message);
}
