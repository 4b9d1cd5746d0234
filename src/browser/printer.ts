/**
 * Stage 8: printing. One browser per run, launched (or connected to) only when the first PDF
 * is needed, shared by every document, restarted if it crashes, closed at the end. A small
 * pool of pages is reused across documents (a new page per document costs ~90 ms). The page
 * runs no JavaScript and reaches no network: every request is answered from memory, from the
 * guide's own folder or from the bundled fonts, or refused (remote URLs are fetched, with size
 * and time limits, only when `allowRemote` is set).
 */
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { StudyguideError } from '../diagnostics.js';
import type { BuildOptions } from '../options.js';
import { fontsPath, readBundledFont } from '../fonts.js';
import { inside } from '../paths.js';
import { findBrowser, type FindOptions, type FoundBrowser } from './find.js';
import { launchChrome, type LaunchedChrome } from './launch.js';
import { fillPageNumbersInPage, type Filled } from '../page-numbers.js';
import { estimatePagesInPage, paperSizes, type LayoutEstimate } from './layout.js';

export const pageOrigin = 'https://guide.studyguide.invalid';

export interface PrinterOptions extends FindOptions {
  /** One limit for launching, loading and printing, in milliseconds. */
  timeoutMs?: number;
  /** Called with the browser that was chosen, for `--verbose`. */
  onLaunch?: (browser: FoundBrowser | { executablePath: string; kind: 'remote'; source: 'endpoint' }) => void;
  /** Print with an already running browser (a DevTools WebSocket URL) instead of launching one. */
  browserWSEndpoint?: string;
  /** Load a small document in the bundled fonts into each page when it opens (default: true). */
  warmUp?: boolean;
  /** Documents printed at once (pages in the pool); by default sized to the machine (`defaultPages`). */
  concurrency?: number;
  /** Fetch remote http(s) resources the page asks for (off by default). */
  allowRemote?: boolean;
  /** Limits for remote fetches. */
  remoteMaxBytes?: number;
  remoteTimeoutMs?: number;
}

export interface PrintJob {
  html: string;
  /** Folder the document's relative URLs (images) are served from. */
  baseDir: string;
  paper: 'a4' | 'letter';
}

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page asked for and did not get. */
  blocked: string[];
  /** What the page loaded besides the document and the bundled fonts: files of the guide's folder (paths) and remote URLs. */
  loaded: string[];
}

interface Slot {
  page: Page;
  job?: PrintJob;
  blocked: string[];
  loaded: string[];
  /** The folder of this print's document URL (see `load`). */
  folder?: string;
}

let loads = 0;

/**
 * The address of the page's (empty) first document. Each page loads it once; every print then
 * replaces the document in place with `setContent`, which keeps the page's decoded fonts and
 * costs half of a new navigation. Relative URLs in a guide resolve against it.
 */
const blankUrl = `${pageOrigin}/index.html`;
const blankDocument = '<!doctype html><meta charset="utf-8"><title></title>';

const launchFlags = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--font-render-hinting=none'];

const contentTypes: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml',
  '.avif': 'image/avif', '.css': 'text/css', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf',
};

/** The faces of the bundled fonts that the built-in theme uses (Latin subsets), for the warm-up document. */
const warmUpFaces = [
  ['Source Serif 4', 'source-serif-4', ['400-normal', '400-italic', '700-normal', '700-italic']],
  ['Source Sans 3', 'source-sans-3', ['400-normal', '400-italic', '600-normal', '700-normal', '700-italic']],
] as const;

const warmUpDocument = [
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>warm-up</title><style>',
  ...warmUpFaces.flatMap(([family, file, faces]) =>
    faces.map((face) => {
      const [weight, style] = face.split('-');
      return `@font-face { font-family: "${family}"; font-weight: ${weight}; font-style: ${style}; font-display: block; src: url("${fontsPath}${file}-latin-${face}.woff2") format("woff2"); }`;
    }),
  ),
  '@page { size: A4; margin: 20mm; } body { font-family: "Source Serif 4"; } h1, h2, th { font-family: "Source Sans 3"; } .cols { columns: 2; }',
  '</style></head><body><h1 id="a">Warm-up</h1>',
  ...warmUpFaces.map(([family, , faces]) => `<p style="font-family: '${family}'">${faces.map((face) => `<span style="font-weight: ${face.slice(0, 3)}; font-style: ${face.slice(4)}">Handout ${face}</span>`).join(' ')}</p>`),
  '<h2 id="b">Table</h2><table><tr><th>Year</th><td>Event, <a href="#a">link</a></td></tr></table><ul class="cols"><li>One</li><li>Two</li></ul>',
  '</body></html>',
].join('\n');

/** A folder that does not exist: the warm-up document asks for nothing but fonts. */
const noFolder = path.join(path.sep, 'nonexistent-studyguide-folder');

/** Printers with a browser running or starting, so that Ctrl-C can close them all. */
const active = new Set<Printer>();

/** Closes every browser this process started (for Ctrl-C), waiting at most `timeoutMs`. */
export async function closeAllPrinters(timeoutMs = 3000): Promise<void> {
  const closing = Promise.all([...active].map((p) => p.close()));
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}

export class Printer {
  private browser: Promise<Browser> | undefined;
  /** The browser found for this printer's options, looked for once. */
  private found: Promise<FoundBrowser> | undefined;
  private readonly timeoutMs: number;
  /** Pages in the pool: documents printed at once. */
  readonly concurrency: number;
  private idle: Slot[] = [];
  private open = 0;
  private waiting: (() => void)[] = [];
  /** Pages this printer opened: the only ones it closes in a browser it does not own. */
  private readonly pages = new Set<Page>();
  /** Pages being opened: `close` waits for them (a page still opening when its browser closes keeps this process alive for 30 s). */
  private readonly opening = new Set<Promise<unknown>>();
  /** The Chrome process behind each browser this printer launched (none for a remote one). */
  private readonly chromes = new Map<Browser, LaunchedChrome>();
  /** Chrome processes this printer started and has not stopped, connected to or still starting. */
  private readonly spawned = new Set<LaunchedChrome>();
  /** How many times the browser was started (or connected to); tests and --verbose read it. */
  launches = 0;
  /** Counts calls of `close`: a page being opened when the printer closes is not opened further. */
  private closings = 0;
  /** How many pages were warmed up (`warm`); tests read it. */
  warmUps = 0;

  constructor(private readonly options: PrinterOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.concurrency = Math.max(1, options.concurrency ?? defaultPages());
  }

  /** Prints one document; a browser that crashed is restarted and the document tried once more. */
  print(job: PrintJob): Promise<PrintResult> {
    return this.retried(() =>
      this.withDocument(job, async (slot) => ({ pdf: await this.pdfOf(slot, job), blocked: [...slot.blocked], loaded: [...new Set(slot.loaded)] })),
    );
  }

  private pdfOf(slot: Slot, job: PrintJob): Promise<Uint8Array> {
    return slot.page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: this.timeoutMs, format: job.paper === 'letter' ? 'letter' : 'a4' });
  }

  /** Runs a print; if the browser failed (crashed, gone), it is restarted and the print tried once more. */
  private async retried<T>(once: () => Promise<T>): Promise<T> {
    try {
      return await once();
    } catch (first) {
      const cause = first instanceof StudyguideError ? (first.cause ?? first) : first;
      if (!isBrowserFailure(cause)) throw first;
      await this.restartIfGone();
      try {
        return await once();
      } catch (second) {
        throw new StudyguideError(`printing failed twice: ${describe(second)}`, undefined, { cause: second });
      }
    }
  }

  /**
   * A first print with estimated page numbers, loading the document once: it is loaded with
   * placeholders, its pages estimated (src/browser/layout.ts), and printed after `fill` says
   * what to print. With `inPlace`, the numbers are filled into the loaded document
   * (src/page-numbers.ts); otherwise the HTML `fill` gives is loaded. Without an answer from
   * `fill` (no estimate), the document is printed with its placeholders.
   */
  async estimateAndPrint(job: PrintJob, fill: (estimate: LayoutEstimate | null) => Filled | undefined): Promise<PrintResult & { filled?: Filled }> {
    const once = () =>
      this.withDocument(job, async (slot) => {
        const estimate = await slot.page.evaluate(estimatePagesInPage, paperSizes[job.paper]).catch(() => null);
        const filled = fill(estimate);
        const inPlace = filled?.inPlace ? (await slot.page.evaluate(fillPageNumbersInPage, Object.fromEntries(filled.pages))) === filled.inPlace : false;
        // Not all of them were where they could be filled in: the document is loaded with the numbers.
        if (filled && !inPlace) await slot.page.setContent(filled.html, { waitUntil: 'load', timeout: this.timeoutMs });
        const pdf = await this.pdfOf(slot, job);
        return { pdf, blocked: [...slot.blocked], loaded: [...new Set(slot.loaded)], ...(filled ? { filled } : {}) };
      });
    return this.retried(once);
  }

  /**
   * Where each link target would be printed, estimated from the screen layout without a print
   * (src/browser/layout.ts); null when the stylesheets do something the estimate cannot copy.
   * Costs a load and a layout of the document, about a third of a print.
   */
  estimatePages(job: PrintJob): Promise<LayoutEstimate | null> {
    return this.withDocument(job, (slot) => slot.page.evaluate(estimatePagesInPage, paperSizes[job.paper]));
  }

  /** Lends a page of the pool with the job's document loaded; a page that failed is not reused. */
  private async withDocument<T>(job: PrintJob, use: (slot: Slot) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    let healthy = true;
    try {
      await this.load(slot, job);
      return await use(slot);
    } catch (e) {
      healthy = false;
      if (/timeout/i.test(describe(e))) throw new StudyguideError(`printing took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped`, undefined, { cause: e });
      throw e;
    } finally {
      slot.job = undefined;
      this.release(slot, healthy);
    }
  }

  /**
   * Puts a document into a page. `setContent` keeps the page's document, and a document reuses
   * an image it has loaded before by its URL, whatever the cache headers say: the next guide's
   * "map.png", or the same file changed since, would print the old picture. So each document
   * gets a URL of its own first (`/_print7/index.html`), which its relative URLs resolve
   * against; the fonts, at their own fixed URLs, stay cached.
   */
  private async load(slot: Slot, job: PrintJob): Promise<void> {
    slot.job = job;
    slot.blocked = [];
    slot.loaded = [];
    slot.folder = `/_print${++loads}/`;
    await slot.page.evaluate((url) => history.replaceState(null, '', url), `${slot.folder}index.html`);
    await slot.page.setContent(job.html, { waitUntil: 'load', timeout: this.timeoutMs });
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const idle = this.idle.pop();
      if (idle && !idle.page.isClosed()) return idle;
      if (idle) {
        this.open -= 1;
        continue;
      }
      if (this.open < this.concurrency) {
        this.open += 1;
        try {
          return await this.newSlot();
        } catch (e) {
          this.open -= 1;
          this.wakeOne();
          throw e;
        }
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot, healthy: boolean): void {
    if (healthy && !slot.page.isClosed()) this.idle.push(slot);
    else {
      this.open -= 1;
      this.pages.delete(slot.page);
      void slot.page.close().catch(() => undefined);
    }
    this.wakeOne();
  }

  private wakeOne(): void {
    this.waiting.shift()?.();
  }

  private newSlot(): Promise<Slot> {
    const opening = this.openSlot();
    const settled = opening.catch(() => undefined);
    this.opening.add(settled);
    void settled.then(() => this.opening.delete(settled));
    return opening;
  }

  private async openSlot(): Promise<Slot> {
    // A printer closed meanwhile (a run with nothing left to print) stops at the next step
    // instead of opening, setting up and warming a page that `close` then waits for.
    const closings = this.closings;
    const stillWanted = () => {
      if (this.closings !== closings) throw new StudyguideError('the printer was closed while a page was being opened');
    };
    const browser = await this.launch();
    stillWanted();
    // The tab a launched Chrome starts with serves as the first page (a new one costs a target
    // and a renderer, about 0.1 s on a cold start).
    const page = (await this.takeFirstTab(browser)) ?? (await browser.newPage());
    this.pages.add(page);
    stillWanted();
    page.setDefaultTimeout(this.timeoutMs);
    await Promise.all([
      page.setJavaScriptEnabled(false),
      // Pages only print, so they lay out as printed, also for an estimate of the pages (layout.ts).
      page.emulateMediaType('print'),
      (async () => {
        await page.setRequestInterception(true);
        // Interception turns the cache off; it is turned back on so that the bundled fonts, which
        // are the only responses allowed into it, are fetched and decoded once per page.
        await page.setCacheEnabled(true);
      })(),
    ]);
    stillWanted();
    const slot: Slot = { page, blocked: [], loaded: [] };
    page.on('request', (request) => void answer(request, slot, this.options));
    await page.goto(blankUrl, { waitUntil: 'load', timeout: this.timeoutMs });
    return slot;
  }

  /** The blank tab a Chrome launched by this printer starts with, once; never a remote browser's tabs. */
  private async takeFirstTab(browser: Browser): Promise<Page | undefined> {
    const chrome = this.chromes.get(browser);
    if (!chrome || chrome.firstTabTaken) return undefined;
    chrome.firstTabTaken = true;
    const pages = await browser.pages().catch(() => []);
    return pages.find((p) => p.url() === 'about:blank');
  }

  /**
   * Starts the browser and opens the pool's pages ahead of the first print, so that the
   * browser starts while the guides are read (it is a separate process). A failure here is
   * left for the first print to report.
   */
  async warm(): Promise<void> {
    const closings = this.closings;
    const opening: Promise<void>[] = [];
    while (this.open < this.concurrency) {
      this.open += 1;
      opening.push(
        this.newSlot().then(
          async (slot) => {
            // Each page is lent as soon as it is ready, warmed up first only when no print is
            // waiting for it: a document ready to print gains nothing from waiting.
            if (this.options.warmUp !== false && this.waiting.length === 0 && this.closings === closings) await this.warmUp(slot);
            this.release(slot, true);
          },
          () => void (this.open -= 1),
        ),
      );
    }
    await Promise.all(opening);
  }

  /**
   * A page's first document costs about twice a later one: the bundled fonts are fetched and
   * decoded, and the layout and fragmentation code runs for the first time. A small document
   * in those fonts, laid out as for a page estimate, pays for that while the guide is still
   * being read, formatted and rendered. A print that asks for the page meanwhile waits for it
   * (about 0.15 s).
   */
  private async warmUp(slot: Slot): Promise<void> {
    this.warmUps += 1;
    try {
      slot.job = { html: warmUpDocument, baseDir: noFolder, paper: 'a4' };
      await slot.page.setContent(warmUpDocument, { waitUntil: 'load', timeout: this.timeoutMs });
      await slot.page.evaluate(estimatePagesInPage, paperSizes.a4);
    } catch {
      // Only a head start: the first print finds out whatever went wrong.
    } finally {
      slot.job = undefined;
    }
  }

  /** Lends a page for other work (no JavaScript, every request intercepted); closed afterwards. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.launch();
    const page = await browser.newPage();
    this.pages.add(page);
    try {
      page.setDefaultTimeout(this.timeoutMs);
      await page.setJavaScriptEnabled(false);
      return await fn(page);
    } finally {
      this.pages.delete(page);
      await page.close().catch(() => undefined);
    }
  }

  /**
   * What prints, for deciding whether a PDF printed by an earlier run still stands
   * (src/last-build.ts): the browser's path, size and modification time (another version is
   * another file). Undefined for a remote browser, whose version cannot be told without
   * connecting, and when no browser is found (the print reports that).
   */
  async identity(): Promise<string | undefined> {
    if (this.options.browserWSEndpoint) return undefined;
    try {
      const found = await this.findBrowser();
      const st = await stat(found.executablePath);
      return JSON.stringify([found.executablePath, st.size, st.mtimeMs]);
    } catch {
      return undefined;
    }
  }

  /** The browser for this printer's options, looked for once (again after a failed look: one may be installed meanwhile). */
  private findBrowser(): Promise<FoundBrowser> {
    this.found ??= findBrowser(this.options).catch((e: unknown) => {
      this.found = undefined;
      throw e;
    });
    return this.found;
  }

  private launch(): Promise<Browser> {
    active.add(this);
    this.browser ??= this.start().catch((e: unknown) => {
      this.browser = undefined;
      throw e;
    });
    return this.browser;
  }

  private async restartIfGone(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    if (browser && !browser.connected) this.browser = undefined;
    if (!browser?.connected) {
      this.idle = [];
      this.open = 0;
    }
  }

  private async start(): Promise<Browser> {
    this.launches += 1;
    if (this.options.browserWSEndpoint) {
      const endpoint = this.options.browserWSEndpoint;
      this.options.onLaunch?.({ executablePath: endpoint, kind: 'remote', source: 'endpoint' });
      try {
        const puppeteer = await import('puppeteer-core');
        const browser = await puppeteer.connect({ browserWSEndpoint: endpoint, protocolTimeout: this.timeoutMs * 2 });
        browser.once('disconnected', () => this.forget(browser));
        return browser;
      } catch (e) {
        throw new StudyguideError(`could not connect to the browser at ${endpoint}: ${describe(e)}`, undefined, { cause: e });
      }
    }
    const found = await this.findBrowser();
    // Closed meanwhile (a run that ended at once): no browser is started for nothing.
    if (!active.has(this)) throw new StudyguideError('the printer was closed before its browser started');
    this.options.onLaunch?.(found);
    const args = [...launchFlags];
    if (needsNoSandbox()) args.push('--no-sandbox');
    // The headless shell draws frames only when asked to, and it never is: a page that only
    // prints is not also painted and rastered for a screen after each load (about a tenth of
    // the browser's time per document; the same PDFs). Loading still lays the document out, so
    // web fonts and stylesheets' images arrive before the print (tests/browser/printer.test.ts).
    if (found.kind === 'headless-shell') args.push('--enable-begin-frame-control');
    // Chrome starts now, on the other core, while Puppeteer is loaded (src/browser/launch.ts).
    const chrome = launchChrome(found, args, this.timeoutMs);
    this.spawned.add(chrome);
    try {
      const puppeteer = await import('puppeteer-core');
      const browser = await puppeteer.connect({ browserWSEndpoint: await chrome.endpoint, protocolTimeout: this.timeoutMs * 2 });
      this.chromes.set(browser, chrome);
      browser.once('disconnected', () => this.forget(browser));
      return browser;
    } catch (e) {
      this.spawned.delete(chrome);
      await chrome.stop();
      throw new StudyguideError(`could not start the browser at ${found.executablePath}: ${describe(e)}`, undefined, { cause: e });
    }
  }

  /** Chrome went away: the next print starts a new one. */
  private forget(browser: Browser): void {
    // What is left of a browser that crashed (helpers, its profile) goes too.
    const chrome = this.chromes.get(browser);
    if (chrome) {
      this.spawned.delete(chrome);
      void chrome.stop();
    }
    this.chromes.delete(browser);
    void this.browser?.then((current) => {
      if (current !== browser) return;
      this.browser = undefined;
      this.idle = [];
      this.open = 0;
      for (const w of this.waiting.splice(0)) w();
    });
  }

  async close(): Promise<void> {
    this.closings += 1;
    active.delete(this);
    // Every PDF is written by now, and a launched Chrome's profile is a temporary folder: nothing
    // needs its graceful shutdown (about 100 ms), so it is killed, helpers and profile too. One
    // still booting is stopped first, so that a run that ends early (a guide with errors,
    // Ctrl-C) does not wait for it; one that Puppeteer is talking to only after its pages are
    // open (killed while a page opens, Puppeteer kept the process alive for 30 s).
    const stopping = this.stopSpawned((chrome) => !chrome.ready);
    // A guide with errors ends the run while the pages are still being opened ahead of time.
    if (this.opening.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(this.opening), new Promise((resolve) => (timer = setTimeout(resolve, this.timeoutMs)))]);
      clearTimeout(timer);
    }
    const pending = this.browser;
    this.browser = undefined;
    this.idle = [];
    this.open = 0;
    const browser = await pending?.catch(() => undefined);
    const pages = [...this.pages];
    this.pages.clear();
    if (browser && this.options.browserWSEndpoint) {
      // Not ours to close: leave the remote browser as it was, without our pages (other
      // clients of the same browser may still be using theirs).
      await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
    }
    if (browser) this.chromes.delete(browser);
    await browser?.disconnect().catch(() => undefined);
    // The others, now that nothing is opening.
    await Promise.all([stopping, this.stopSpawned()]);
  }

  private async stopSpawned(which: (chrome: LaunchedChrome) => boolean = () => true): Promise<void> {
    const chromes = [...this.spawned].filter(which);
    for (const chrome of chromes) this.spawned.delete(chrome);
    await Promise.all(chromes.map((chrome) => chrome.stop()));
  }
}

/**
 * The printer a run asks for: its browser or remote endpoint, time limit and remote fetching,
 * from options with the config file applied (`withConfig`); `--verbose` hears which browser.
 */
export function printerFor(options: BuildOptions): Printer {
  const printerOptions: PrinterOptions = {
    onLaunch: (b) => options.onEvent?.({ type: 'browser', executablePath: b.executablePath, kind: b.kind, source: b.source, pages: printer.concurrency }),
  };
  if (options.browser) printerOptions.browser = options.browser;
  if (options.browserWSEndpoint) printerOptions.browserWSEndpoint = options.browserWSEndpoint;
  if (options.allowRemote) printerOptions.allowRemote = true;
  if (options.timeoutMs) printerOptions.timeoutMs = options.timeoutMs;
  const printer = new Printer(printerOptions);
  return printer;
}

/**
 * Pages in a printer's pool, from the cores the process may use: one per two cores, at least
 * two, at most four. Each page is a renderer process that lays out and prints on a core of its
 * own, beside Node's thread and Chrome's browser process: on 2 cores two pages keep the
 * browser busy and a third added nothing (measured), and each page costs about 100 MB.
 */
export function defaultPages(cores = os.availableParallelism()): number {
  return Math.min(4, Math.max(2, Math.floor(cores / 2)));
}

/** Chrome's sandbox cannot start as root or in most containers. */
function needsNoSandbox(): boolean {
  return process.env.STUDYGUIDE_NO_SANDBOX === '1' || (typeof process.getuid === 'function' && process.getuid() === 0);
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
}

function isBrowserFailure(e: unknown): boolean {
  return /target closed|session closed|connection closed|browser has disconnected|protocol error|navigating frame was detached|crash|timeout|took longer/i.test(describe(e));
}

const noStore = { 'Cache-Control': 'no-store' };
const faviconUrl = `${pageOrigin}/favicon.ico`;

async function answer(request: HTTPRequest, slot: Slot, options: PrinterOptions): Promise<void> {
  const url = request.url();
  const job = slot.job;
  try {
    if (url === blankUrl && request.isNavigationRequest()) {
      await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: noStore, body: blankDocument });
      return;
    }
    if (url === faviconUrl && request.resourceType() === 'other') {
      // Full Chrome (not the headless shell) asks for the site's icon itself: not the guide's doing.
      await request.abort('blockedbyclient');
      return;
    }
    if (!job) {
      await request.abort('blockedbyclient');
      return;
    }
    if (url.startsWith('data:')) {
      await request.continue();
      return;
    }
    if (url.startsWith(`${pageOrigin}${fontsPath}`)) {
      // Reserved for the bundled fonts: answered from the font packages, never the guide folder.
      const font = await readBundledFont(url.slice(pageOrigin.length + fontsPath.length).split('?')[0] ?? '');
      if (font) {
        await request.respond({ status: 200, contentType: 'font/woff2', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' }, body: font });
        return;
      }
    } else if (url.startsWith(`${pageOrigin}/`)) {
      const relative = decodeURIComponent(ownPath(url, slot)).replace(/^\/+/, '');
      const file = path.resolve(job.baseDir, relative);
      const type = contentTypes[path.extname(file).toLowerCase()];
      if (type && (await inside(job.baseDir, file))) {
        const body = await readFile(file).catch(() => undefined);
        if (body) {
          // A guide's files are never cached: the next guide's "img/map.png" is another file.
          slot.loaded.push(file);
          await request.respond({ status: 200, contentType: type, headers: noStore, body });
          return;
        }
      }
    } else if (options.allowRemote && /^https?:\/\//i.test(url)) {
      const fetched = await fetchLimited(url, options.remoteMaxBytes ?? 10 * 1024 * 1024, options.remoteTimeoutMs ?? 10_000);
      if (fetched) {
        slot.loaded.push(url);
        await request.respond({ status: 200, contentType: fetched.type, headers: noStore, body: fetched.body });
        return;
      }
    }
    slot.blocked.push(url.startsWith(`${pageOrigin}/`) ? `${pageOrigin}${ownPath(url, slot)}` : url);
    await request.abort('blockedbyclient');
  } catch {
    // The page may be gone already (closed after a timeout); nothing to answer.
  }
}

/** The path of a URL on the page's origin without the document's own folder (see `Printer.load`). */
function ownPath(url: string, slot: Slot): string {
  const pathname = new URL(url).pathname;
  return slot.folder && pathname.startsWith(slot.folder) ? pathname.slice(slot.folder.length - 1) : pathname;
}

/** A remote resource, at most `maxBytes` long and within `timeoutMs`; otherwise nothing. */
async function fetchLimited(url: string, maxBytes: number, timeoutMs: number): Promise<{ body: Buffer; type: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok || !response.body) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) return undefined;
      chunks.push(chunk);
    }
    return { body: Buffer.concat(chunks), type: response.headers.get('content-type') ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
