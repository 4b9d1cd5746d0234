/**
 * The command line: parses arguments, calls the API, prints diagnostics and progress,
 * and maps the outcome to an exit code (0 ok, 1 content errors, 2 usage, 3 failure).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BuildEvent, RunReport } from './build.js';
import { ExitCode, formatDiagnostic, sortDiagnostics, StudyguideError, UsageError } from './diagnostics.js';
import type { Edition } from './html.js';

const help = `Usage: studyguide <command> [options] [PATH...]

Turns teachers' Markdown guides into printable PDF handouts (student and teacher editions).

Commands:
  build [PATH...]   Check the guides and print their PDFs (PATH default: content/)
  check [PATH...]   Check the guides without printing: citations, dates, front matter
  help              Show this help

PATH is a guide file, a guide folder (holding guide.md) or a folder of guide folders.

Options for build:
  -o, --out DIR                Output folder (default: dist/)
  -e, --edition EDITION        student, teacher or all (default: all)
  -p, --paper SIZE             a4 or letter (default: the guide's front matter, else a4)
      --html                   Also write each edition as HTML
      --html-only              Write HTML only; no browser needed
  -t, --templates DIR          Templates that override the built-in ones, by file name
      --browser PATH           Chrome or Chromium to print with (or STUDYGUIDE_BROWSER)
      --timeout SECONDS        Limit for starting the browser and printing a document (default: 60)
Options for build and check:
  -s, --citation-style STYLE   apa (default), chicago, chicago-notes, mla, ieee, vancouver,
                               harvard, or a .csl file (overrides the guide's front matter)
      --verify-sources         Check DOIs (Crossref) and web addresses online; results are kept
                               in sources.verified.json next to each guide for later builds
      --strict                 Treat warnings as errors
  -q, --quiet                  Print only errors and warnings
  -v, --verbose                Say which browser is used and where each file goes
  -h, --help                   Show this help
      --version                Show the version

Exit codes: 0 done, 1 a guide has errors, 2 the command was used wrongly, 3 something else failed.
`;

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof StudyguideError) {
      process.stderr.write(`studyguide: ${e.message}\n`);
      if (e instanceof UsageError || e.exitCode === ExitCode.usage) process.stderr.write('Run "studyguide --help" for usage.\n');
      return e.exitCode;
    }
    process.stderr.write(`studyguide: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return ExitCode.failure;
  }
}

async function run(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        edition: { type: 'string', short: 'e' },
        paper: { type: 'string', short: 'p' },
        html: { type: 'boolean' },
        'html-only': { type: 'boolean' },
        templates: { type: 'string', short: 't' },
        browser: { type: 'string' },
        timeout: { type: 'string' },
        strict: { type: 'boolean' },
        'citation-style': { type: 'string', short: 's' },
        'verify-sources': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e));
  }
  const { values: o, positionals } = parsed;
  if (o.version) {
    process.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const [command, ...paths] = positionals;
  if (o.help || command === undefined || command === 'help') {
    process.stdout.write(help);
    return command === undefined && !o.help ? ExitCode.usage : ExitCode.ok;
  }
  if (command !== 'build' && command !== 'check') throw new UsageError(`unknown command "${command}" (use build or check)`);

  const editions = parseEdition(o.edition);
  if (o.paper !== undefined && o.paper !== 'a4' && o.paper !== 'letter') throw new UsageError(`--paper must be a4 or letter (got "${o.paper}")`);
  const timeout = o.timeout === undefined ? undefined : Number(o.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`--timeout must be a number of seconds above 0 (got "${o.timeout}")`);
  if (command === 'check') {
    for (const flag of ['out', 'edition', 'paper', 'html', 'html-only', 'templates', 'browser', 'timeout'] as const) {
      if (o[flag] !== undefined) throw new UsageError(`--${flag} is an option of build, not of check`);
    }
  }

  const started = performance.now();
  const api = await import('./build.js');
  let report: RunReport;
  if (command === 'check') {
    report = await api.checkGuides({ paths, strict: o.strict ?? false, citationStyle: o['citation-style'], verifySources: o['verify-sources'] ?? false });
  } else {
    report = await api.buildGuides({
      paths,
      strict: o.strict ?? false,
      citationStyle: o['citation-style'],
      verifySources: o['verify-sources'] ?? false,
      outDir: o.out,
      editions,
      paper: o.paper as 'a4' | 'letter' | undefined,
      html: o.html ?? false,
      htmlOnly: o['html-only'] ?? false,
      templates: o.templates,
      browser: o.browser,
      timeoutMs: timeout === undefined ? undefined : timeout * 1000,
      onEvent: (event) => progress(event, { quiet: o.quiet ?? false, verbose: o.verbose ?? false }),
    });
  }
  for (const d of sortDiagnostics(report.diagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  if (!o.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const failed = report.guides.filter((g) => !g.ok).length;
    const verb = command === 'check' ? 'checked' : 'built';
    const done = command === 'check' ? report.guides.length : report.guides.length - failed;
    process.stderr.write(
      `${verb} ${done} of ${report.guides.length} guide${report.guides.length === 1 ? '' : 's'} in ${seconds} s` +
        `${errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`,
    );
  }
  return report.ok ? ExitCode.ok : ExitCode.content;
}

function parseEdition(value: string | undefined): Edition[] | undefined {
  if (value === undefined || value === 'all') return undefined;
  if (value === 'student' || value === 'teacher') return [value];
  throw new UsageError(`--edition must be student, teacher or all (got "${value}")`);
}

function progress(event: BuildEvent, { quiet, verbose }: { quiet: boolean; verbose: boolean }): void {
  if (quiet) return;
  if (event.type === 'browser') {
    if (verbose) process.stderr.write(`browser: ${event.executablePath} (${event.kind}, found via ${event.source})\n`);
    return;
  }
  if (event.type === 'skipped') {
    process.stderr.write(`✗ ${event.guide}: not printed (${event.reason})\n`);
    return;
  }
  const where = path.relative(process.cwd(), event.file) || event.file;
  const pages = event.pages ? `${event.pages} page${event.pages === 1 ? '' : 's'}, ` : '';
  process.stderr.write(`✓ ${where} (${pages}${(event.ms / 1000).toFixed(2)} s)\n`);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
