/**
 * `studyguide dev`: builds the guides, then watches their files (guide, references, templates,
 * labels, styles) and rebuilds only the guide that changed, with one browser kept warm. A live
 * preview is served on 127.0.0.1 only; it reloads itself after each build and shows errors,
 * which are printed in the terminal too. The watcher keeps running through errors.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BuildOptions, RunReport } from '../build.js';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { discoverGuides } from '../discover.js';
import { withConfig } from '../options.js';
import { readBundledFont, fontsPath } from '../fonts.js';
import type { Output } from '../output-terminal.js';
import { inside } from '../paths.js';
import { clearTemplateCache } from '../templates.js';

export interface DevOptions extends BuildOptions {
  port: number;
  out: Output;
  /** Called once the preview is listening (tests use it). */
  onReady?: (url: string) => void;
}

interface GuideState {
  file: string;
  slug: string;
  report?: RunReport;
  building: boolean;
  /** A change came in while the guide was being built: build it again when that build ends. */
  again?: boolean;
}

const reloadScript = `<script>new EventSource('/_studyguide/events').onmessage = () => location.reload();</script>`;

export async function startDev(options: DevOptions): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const { buildGuides } = await import('../build.js');
  const { printerFor } = await import('../browser/printer.js');
  // The config file's browser, time limit and --browser-ws-endpoint / --allow-remote apply here too.
  const printer = options.htmlOnly ? undefined : printerFor(withConfig(options, cwd));
  const paths = options.paths?.length ? options.paths : undefined;
  const files = await discoverGuides(paths ?? configured(options, cwd), cwd);
  const guides = new Map<string, GuideState>(files.map((f) => [f, { file: f, slug: '', building: false }]));
  const clients = new Set<ServerResponse>();
  const outDir = path.resolve(cwd, options.outDir ?? options.config?.out ?? 'dist');

  // Builds in progress, waited for when the watcher stops, so that none starts a browser again
  // after the printer is closed (and keeps the process alive).
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const build = (state: GuideState): Promise<void> => {
    if (stopping) return Promise.resolve();
    const run = buildOnce(state).finally(() => inFlight.delete(run));
    inFlight.add(run);
    return run;
  };
  const buildOnce = async (state: GuideState): Promise<void> => {
    if (state.building) {
      state.again = true;
      return;
    }
    state.building = true;
    state.again = false;
    const started = performance.now();
    try {
      let same = 0;
      const report = await buildGuides({ ...options, paths: [state.file], html: true, ...(printer ? { printer } : {}), onEvent: (e) => void (e.type === 'output' && e.unchanged && (same += 1)) });
      state.report = report;
      state.slug = report.guides[0]?.slug ?? state.slug;
      // Saved again meanwhile: this build may have read a save half written, and its report is
      // out of date either way; the next build's is shown.
      if (!state.again) printReport(options.out, state, report, performance.now() - started, same);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      state.report = { ok: false, guides: [], diagnostics: [{ severity: 'error', file: state.file, message, rule: 'build' }] };
      if (!state.again) options.out.failed(`${path.relative(cwd, state.file)}: ${message}`);
    } finally {
      state.building = false;
    }
    // Saved again during the build: that build read the older text, so the newest is built now.
    if (state.again) return build(state);
    for (const c of clients) c.write('data: reload\n\n');
  };

  for (const state of guides.values()) await build(state);

  const server = createServer((req, res) => void serve(req, res).catch(() => res.destroy()));
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/_studyguide/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname.startsWith(fontsPath)) {
      const font = await readBundledFont(url.pathname.slice(fontsPath.length));
      if (font) return send(res, 200, font, 'font/woff2');
      return send(res, 404, 'not found', 'text/plain');
    }
    if (url.pathname === '/') return send(res, 200, indexPage([...guides.values()]), 'text/html; charset=utf-8');
    const [, slug, edition, ...rest] = url.pathname.split('/');
    const state = [...guides.values()].find((g) => g.slug === slug);
    if (!state) return send(res, 404, 'No such guide.', 'text/plain');
    if ((edition === 'student' || edition === 'teacher') && rest.length === 0) {
      if (!state.report?.ok) return send(res, 200, errorPage(state, cwd), 'text/html; charset=utf-8');
      const html = await readFile(path.join(outDir, `${state.slug}.${edition}.html`), 'utf8').catch(() => undefined);
      if (!html) return send(res, 404, 'Not built yet.', 'text/plain');
      return send(res, 200, html.replace('</body>', `${reloadScript}</body>`), 'text/html; charset=utf-8');
    }
    // The guide's own images, from its folder only.
    const file = path.resolve(path.dirname(state.file), decodeURIComponent([edition, ...rest].join('/')));
    if (await inside(path.dirname(state.file), file)) {
      const body = await readFile(file).catch(() => undefined);
      if (body) return send(res, 200, body, 'application/octet-stream');
    }
    send(res, 404, 'not found', 'text/plain');
  };
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const previewUrl = `http://127.0.0.1:${address.port}/`;

  const chokidar = await import('chokidar');
  const sharedDirs = [options.templates, options.config?.templates].filter((d): d is string => Boolean(d)).map((d) => path.resolve(cwd, d));
  const watcher = chokidar.watch([...[...guides.keys()].map((f) => path.dirname(f)), ...sharedDirs, ...(options.config?.file ? [options.config.file] : [])], {
    ignoreInitial: true,
    ignored: (p: string) => p.startsWith(outDir) || /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(p) || p.endsWith('.tmp') || path.basename(p) === 'sources.verified.json',
    // A save is built once the file's size has stood still for 10 ms. (Without this wait chokidar
    // drops a second change to a file within 50 ms of the first; the wait took 20–25 ms before.)
    // A build that read a save half written is built again when the rest arrives.
    awaitWriteFinish: { stabilityThreshold: 10, pollInterval: 3 },
  });
  const timers = new Map<GuideState, NodeJS.Timeout>();
  const schedule = (state: GuideState) => {
    clearTimeout(timers.get(state));
    timers.set(state, setTimeout(() => void build(state), 10));
  };
  watcher.on('all', (_event, changed) => {
    if (/\.(hbs|css)$/.test(changed)) clearTemplateCache();
    const affected = [...guides.values()].filter((g) => changed.startsWith(path.dirname(g.file) + path.sep));
    for (const g of affected.length > 0 ? affected : [...guides.values()]) schedule(g);
  });
  // Saves made before the watcher is ready would be missed: "watching" is said only then.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  options.out.line(`preview: ${previewUrl}  (watching for changes; Ctrl-C to stop)`);
  options.onReady?.(previewUrl);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopping = true;
  for (const timer of timers.values()) clearTimeout(timer);
  await watcher.close();
  await Promise.all([...inFlight]);
  for (const c of clients) c.end();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await printer?.close();
  options.out.line('stopped');
}

function configured(options: BuildOptions, cwd: string): string[] {
  const content = options.config?.content;
  if (!content) return ['content'];
  return (Array.isArray(content) ? content : [content]).map((p) => path.relative(cwd, path.resolve(options.config?.dir ?? cwd, p)) || '.');
}

function printReport(out: Output, state: GuideState, report: RunReport, ms: number, unchanged: number): void {
  out.diagnostics(report.diagnostics);
  const where = path.relative(process.cwd(), state.file);
  const pdfs = report.guides[0]?.outputs.filter((f) => f.endsWith('.pdf')).length ?? 0;
  // An edition the edit did not touch is left as it was (src/build-guide.ts).
  const detail = unchanged > 0 ? `${pdfs - unchanged} printed, ${unchanged} unchanged` : `${pdfs} PDFs`;
  if (report.ok) out.done(`${where}: rebuilt in ${(ms / 1000).toFixed(2)} s (${detail})`);
  else out.failed(`${where}: not printed, fix the errors above (still watching)`);
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function indexPage(guides: GuideState[]): string {
  const items = guides
    .map((g) => `<li>${escape(g.slug || g.file)} ${g.report?.ok ? '' : '<strong>(errors)</strong>'} — <a href="/${encodeURIComponent(g.slug)}/student">student</a> · <a href="/${encodeURIComponent(g.slug)}/teacher">teacher</a></li>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><title>studyguide preview</title><style>body{font:16px system-ui;margin:2em}</style><h1>studyguide preview</h1><ul>${items}</ul>${reloadScript}`;
}

function errorPage(state: GuideState, cwd: string): string {
  const list: Diagnostic[] = sortDiagnostics(state.report?.diagnostics ?? []);
  const lines = list.map((d) => `<li class="${d.severity}">${escape(formatDiagnostic(d, cwd))}</li>`).join('');
  return `<!doctype html><meta charset="utf-8"><title>Errors: ${escape(state.slug)}</title><style>body{font:15px system-ui;margin:2em}li{font-family:monospace;white-space:pre-wrap;margin:.4em 0}.error{color:#b00}.warning{color:#850}</style><h1>${escape(path.relative(cwd, state.file))} has errors</h1><p>Fix them and save: this page reloads by itself.</p><ul>${lines}</ul>${reloadScript}`;
}
