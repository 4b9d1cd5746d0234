/**
 * The command line: parses arguments, calls the API, prints diagnostics and progress,
 * and maps the outcome to an exit code (0 ok, 1 content errors, 2 usage, 3 failure).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BuildEvent, BuildOptions, RunReport } from './build.js';
import type { ResolvedConfig } from './config.js';
import { ExitCode, StudyguideError, UsageError } from './diagnostics.js';
import type { Edition } from './html.js';
import { Output } from './output-terminal.js';
import { removeTemporaryFiles } from './output.js';
import { packagePath } from './paths.js';

const help = `Usage: studyguide <command> [options] [PATH...]

Turns teachers' Markdown guides into printable PDF handouts (student and teacher editions).

Commands:
  build [PATH...]           Check the guides and print their PDFs (PATH default: content/)
  check [PATH...]           Check the guides without printing: citations, dates, references
  dev [PATH...]             Rebuild on every save and show a live preview in the browser
  new NAME                  Start a guide folder with an example of every section
  templates eject [DIR]     Copy the built-in templates into DIR (default: templates/) to edit
  help                      Show this help

PATH is a guide file, a guide folder (holding guide.md) or a folder of guide folders.

Options for build and dev:
  -o, --out DIR                Output folder (default: dist/)
  -e, --edition EDITION        student, teacher or all (default: all)
  -p, --paper SIZE             a4 or letter (default: the guide's front matter, else a4)
      --html                   Also write each edition as HTML
      --html-only              Write HTML only; no browser needed
      --duplex                 Pad each PDF to an even number of pages with a blank page, so
                               that each guide starts on a new sheet when printed two-sided
      --booklet                Also write <slug>.<edition>.booklet.pdf: two pages on each side of
                               a landscape sheet (A5 on A4, half-letter on Letter), in order for
                               folding; print it two-sided, flipping on the short edge
  -t, --templates DIR          Templates that override the built-in ones, by file name
      --force                  Print every edition again, also those that did not change since
                               the last build into the same folder (which are otherwise kept)
      --browser PATH           Chrome or Chromium to print with (or STUDYGUIDE_BROWSER)
      --timeout SECONDS        Limit for starting the browser and printing a document (default: 60)
      --allow-remote           Fetch remote images and stylesheets a guide asks for (limited
                               to 10 MB and 10 s each); without it they are left out, with a warning
      --browser-ws-endpoint URL  Print with an already running Chrome (its DevTools WebSocket URL)
                               or a browser service, instead of starting one
      --port NUMBER            Port of the dev preview (default: 4173, on 127.0.0.1 only)
Options for build, check and dev:
  -s, --citation-style STYLE   apa (default), chicago, chicago-notes, mla, ieee, vancouver,
                               harvard, or a .csl file (overrides the guide's front matter)
      --verify-sources         Check DOIs (Crossref) and web addresses online; results are kept
                               in sources.verified.json next to each guide for later builds
      --strict                 Treat warnings as errors
  -c, --config FILE            Config file (default: studyguide.config.* in this folder)
      --shard K/N              Only the K-th of N equal parts of the guides (to split a batch
                               across machines or CI jobs)
      --json                   Print a machine-readable report on standard output
  -q, --quiet                  Print only errors and warnings
  -v, --verbose                Say which browser is used, where each file goes and why it was
                               printed (rather than kept from the last build)
Options for new and templates eject:
      --title TITLE            Title of the new guide
      --force                  Overwrite templates that are already there
  -h, --help                   Show this help
      --version                Show the version

Settings, lowest priority first: built-in defaults, the config file, a guide's front matter,
the command line. Exit codes: 0 done, 1 a guide has errors, 2 the command was used wrongly,
3 something else failed.
`;

export async function main(argv: readonly string[]): Promise<number> {
  const out = new Output(process.stderr);
  try {
    return await run(argv, out);
  } catch (e) {
    if (e instanceof StudyguideError) {
      out.error(e.message);
      if (e instanceof UsageError || e.exitCode === ExitCode.usage) process.stderr.write('Run "studyguide --help" for usage.\n');
      return e.exitCode;
    }
    process.stderr.write(`studyguide: unexpected error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return ExitCode.failure;
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        edition: { type: 'string', short: 'e' },
        paper: { type: 'string', short: 'p' },
        html: { type: 'boolean' },
        'html-only': { type: 'boolean' },
        duplex: { type: 'boolean' },
        booklet: { type: 'boolean' },
        templates: { type: 'string', short: 't' },
        browser: { type: 'string' },
        timeout: { type: 'string' },
        port: { type: 'string' },
        'allow-remote': { type: 'boolean' },
        'browser-ws-endpoint': { type: 'string' },
        shard: { type: 'string' },
        strict: { type: 'boolean' },
        'citation-style': { type: 'string', short: 's' },
        'verify-sources': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean', short: 'v' },
        title: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e));
  }
}

type Values = ReturnType<typeof parse>['values'];

const buildOnly = ['out', 'edition', 'paper', 'html', 'html-only', 'duplex', 'booklet', 'templates', 'browser', 'timeout', 'allow-remote', 'browser-ws-endpoint', 'force'] as const;

async function run(argv: readonly string[], out: Output): Promise<number> {
  const { values: o, positionals } = parse(argv);
  if (o.version) {
    process.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const [command, ...rest] = positionals;
  if (o.help || command === undefined || command === 'help') {
    process.stdout.write(help);
    return command === undefined && !o.help ? ExitCode.usage : ExitCode.ok;
  }
  const cwd = process.cwd();
  switch (command) {
    case 'new': {
      const [name, ...extra] = rest;
      if (!name || extra.length > 0) throw new UsageError('give one name: studyguide new my-guide');
      const { newGuide } = await import('./commands/new.js');
      const files = await newGuide(name, cwd, o.title);
      for (const f of files) out.line(`created ${path.relative(cwd, f)}`);
      out.line(`Next: edit ${path.relative(cwd, files[0] ?? name)}, then run: studyguide build ${path.relative(cwd, path.dirname(files[0] ?? name)) || '.'}`);
      return ExitCode.ok;
    }
    case 'templates': {
      const [sub, dir, ...only] = rest;
      if (sub !== 'eject') throw new UsageError('use: studyguide templates eject [DIR] [NAME...]');
      const { ejectTemplates } = await import('./commands/eject.js');
      const files = await ejectTemplates(dir ?? 'templates', cwd, { force: o.force ?? false, only });
      for (const f of files) out.line(`copied ${path.relative(cwd, f)}`);
      out.line(`Edit them, then build with: studyguide build --templates ${path.relative(cwd, path.resolve(cwd, dir ?? 'templates'))} (or put them in a guide's own templates/ folder)`);
      return ExitCode.ok;
    }
    case 'build':
    case 'check':
    case 'dev':
      break;
    default:
      throw new UsageError(`unknown command "${command}" (use build, check, dev, new or templates eject)`);
  }
  if (command === 'check') {
    for (const flag of buildOnly) if (o[flag] !== undefined) throw new UsageError(`--${flag} is an option of build, not of check`);
  }
  const { loadConfig } = await import('./config.js');
  const config = await loadConfig(cwd, o.config);
  const options = buildOptions(o, rest, config);
  if (command === 'dev') {
    const { startDev } = await import('./commands/dev.js');
    const port = o.port === undefined ? 4173 : Number(o.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (got "${o.port}")`);
    await startDev({ ...options, port, out });
    return ExitCode.ok;
  }

  // Ctrl-C, or a CI job or process manager stopping the run (SIGTERM, SIGHUP): no half-written
  // file stays behind, and the browser is closed, not left running without its parent.
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  let stopping = false;
  const stop = (signal: keyof typeof signals) => {
    if (stopping) return;
    stopping = true;
    removeTemporaryFiles();
    out.error(`${signal === 'SIGINT' ? 'interrupted' : `stopped (${signal})`}; files already written are complete, nothing half-written was left`);
    void import('./browser/printer.js')
      .then(({ closeAllPrinters }) => closeAllPrinters())
      .finally(() => process.exit(signals[signal]));
  };
  for (const signal of Object.keys(signals) as (keyof typeof signals)[]) process.once(signal, () => stop(signal));
  const started = performance.now();
  const quiet = o.quiet ?? o.json ?? false;
  const api = await import('./build.js');
  let kept = 0;
  const report = command === 'check'
    ? await api.checkGuides(options)
    : await api.buildGuides({
        ...options,
        onEvent: (event) => {
          if (event.type === 'output' && event.unchanged) kept += 1;
          progress(event, out, { quiet, verbose: o.verbose ?? false });
        },
      });
  if (o.json) {
    process.stdout.write(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
    if (report.guides.some((g) => g.failure)) return ExitCode.failure;
    return report.ok ? ExitCode.ok : ExitCode.content;
  }
  out.diagnostics(report.diagnostics);
  if (!o.quiet) {
    out.summary(command === 'check' ? 'checked' : 'built', report, performance.now() - started);
    if (kept > 0) out.line(`${kept} PDF${kept === 1 ? ' was' : 's were'} unchanged since the last build and kept; --force prints ${kept === 1 ? 'it' : 'them'} again`);
  }
  if (report.guides.some((g) => g.failure)) return ExitCode.failure;
  return report.ok ? ExitCode.ok : ExitCode.content;
}

function buildOptions(o: Values, paths: string[], config: ResolvedConfig): BuildOptions {
  const editions = parseEdition(o.edition);
  if (o.paper !== undefined && o.paper !== 'a4' && o.paper !== 'letter') throw new UsageError(`--paper must be a4 or letter (got "${o.paper}")`);
  const timeout = o.timeout === undefined ? undefined : Number(o.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`--timeout must be a number of seconds above 0 (got "${o.timeout}")`);
  // Only what was given on the command line is set, so that the config file fills the rest.
  const options: BuildOptions = { paths, config };
  if (o.strict !== undefined) options.strict = o.strict;
  if (o['citation-style'] !== undefined) options.citationStyle = o['citation-style'];
  if (o['verify-sources']) options.verifySources = true;
  if (o.out !== undefined) options.outDir = o.out;
  if (editions) options.editions = editions;
  if (o.paper !== undefined) options.paper = o.paper as 'a4' | 'letter';
  if (o.html !== undefined) options.html = o.html;
  if (o['html-only'] !== undefined) options.htmlOnly = o['html-only'];
  if (o.duplex !== undefined) options.duplex = o.duplex;
  if (o.booklet !== undefined) options.booklet = o.booklet;
  if (o.force) options.force = true;
  if (o.templates !== undefined) options.templates = o.templates;
  if (o.browser !== undefined) options.browser = o.browser;
  if (timeout !== undefined) options.timeoutMs = timeout * 1000;
  if (o['allow-remote']) options.allowRemote = true;
  if (o['browser-ws-endpoint'] !== undefined) {
    if (!/^wss?:\/\//.test(o['browser-ws-endpoint'])) throw new UsageError(`--browser-ws-endpoint must be a ws:// or wss:// URL (got "${o['browser-ws-endpoint']}")`);
    options.browserWSEndpoint = o['browser-ws-endpoint'];
  }
  if (o.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(o.shard);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N, such as 2/8 (got "${o.shard}")`);
    options.shard = { index, count };
  }
  return options;
}

function parseEdition(value: string | undefined): Edition[] | undefined {
  if (value === undefined || value === 'all') return value === 'all' ? ['student', 'teacher'] : undefined;
  if (value === 'student' || value === 'teacher') return [value];
  throw new UsageError(`--edition must be student, teacher or all (got "${value}")`);
}

function progress(event: BuildEvent, out: Output, { quiet, verbose }: { quiet: boolean; verbose: boolean }): void {
  if (quiet) return;
  if (event.type === 'browser') {
    if (verbose) out.line(`browser: ${event.executablePath} (${event.kind}, found via ${event.source}${event.pages ? `; ${event.pages} pages at once` : ''})`);
    return;
  }
  if (event.type === 'skipped') {
    out.failed(`${event.guide}: not printed (${event.reason})`);
    return;
  }
  const where = path.relative(process.cwd(), event.file) || event.file;
  const pages = event.pages ? `${event.pages} page${event.pages === 1 ? '' : 's'}, ` : '';
  if (event.unchanged) {
    out.done(`${where} (${pages}unchanged, not printed again)`);
    return;
  }
  // Page numbers in the text can take a second print (src/pagerefs.ts); --verbose says so.
  // Where the first print's page numbers came from, and, when it took more, why (src/pagerefs.ts).
  const once = { estimate: ' with estimated page numbers', earlier: ' with the last build\'s page numbers', same: ' with the page numbers of an earlier print of the same text', none: '' };
  const again = { estimate: ' (the estimated page numbers were off)', earlier: ' (a section moved since the last build)', same: ' (the page numbers of an earlier print of the same text were off)', none: ' (for the page numbers)' };
  const why = event.pagesFrom ? (event.prints === 1 ? once : again)[event.pagesFrom] : '';
  const prints = verbose && event.prints ? `printed ${event.prints === 1 ? 'once' : event.prints === 2 ? 'twice' : `${event.prints} times`}${why}${event.printedBecause ? `; ${event.printedBecause}` : ''}, ` : '';
  out.done(`${where} (${pages}${prints}${(event.ms / 1000).toFixed(2)} s)`);
}

function jsonReport(report: RunReport) {
  return {
    ok: report.ok,
    guides: report.guides.map((g) => ({ file: g.file, slug: g.slug, title: g.title, ok: g.ok, outputs: g.outputs, kept: g.kept ?? [] })),
    diagnostics: report.diagnostics.map((d) => ({
      file: d.file,
      line: d.position?.line ?? null,
      column: d.position?.column ?? null,
      severity: d.severity,
      message: d.message,
      rule: d.rule,
      ...(d.related ? { related: { file: d.related.file, line: d.related.position?.line ?? null, column: d.related.position?.column ?? null, message: d.related.message } } : {}),
    })),
  };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
