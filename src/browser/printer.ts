/**
 * Stage 8: printing. One browser per run, launched only when the first PDF is needed,
 * shared by every document, relaunched if Chrome goes away, closed in a `finally`.
 * Pages are lent through `withPage`, which always closes them. The page runs no
 * JavaScript and reaches no network: every request is answered from memory or from
 * the guide's own folder, or refused.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { StudyguideError } from '../diagnostics.js';
import { fontsPath, readBundledFont } from '../fonts.js';
import { inside } from '../paths.js';
import { findBrowser, type FindOptions, type FoundBrowser } from './find.js';

export const pageOrigin = 'https://guide.studyguide.invalid';

export interface PrinterOptions extends FindOptions {
  /** One limit for launching, loading and printing, in milliseconds. */
  timeoutMs?: number;
  /** Called with the browser that was chosen, for `--verbose`. */
  onLaunch?: (browser: FoundBrowser) => void;
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
}

const launchFlags = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--font-render-hinting=none'];

const contentTypes: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml',
  '.avif': 'image/avif', '.css': 'text/css', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf',
};

/** Printers with a browser running or starting, so that Ctrl-C can close them all. */
const active = new Set<Printer>();

/** Closes every browser this process started (for Ctrl-C), waiting at most `timeoutMs`. */
export async function closeAllPrinters(timeoutMs = 3000): Promise<void> {
  const closing = Promise.all([...active].map((p) => p.close()));
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}

export class Printer {
  private browser: Promise<Browser> | undefined;
  private readonly timeoutMs: number;

  constructor(private readonly options: PrinterOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  async print(job: PrintJob): Promise<PrintResult> {
    return this.withPage(async (page) => {
      const blocked: string[] = [];
      const documentUrl = `${pageOrigin}/index.html`;
      page.on('request', (request) => void answer(request, job, documentUrl, blocked));
      await page.goto(documentUrl, { waitUntil: 'load', timeout: this.timeoutMs });
      const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: this.timeoutMs, format: job.paper === 'letter' ? 'letter' : 'a4' });
      return { pdf, blocked };
    });
  }

  /** Lends a fresh page: no JavaScript, every request intercepted, closed afterwards. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.launch();
    const page = await browser.newPage();
    try {
      page.setDefaultTimeout(this.timeoutMs);
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      return await fn(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  private launch(): Promise<Browser> {
    active.add(this);
    this.browser ??= this.start().catch((e: unknown) => {
      this.browser = undefined;
      throw e;
    });
    return this.browser;
  }

  private async start(): Promise<Browser> {
    const found = await findBrowser(this.options);
    this.options.onLaunch?.(found);
    const { launch } = await import('puppeteer-core');
    const args = [...launchFlags];
    if (needsNoSandbox()) args.push('--no-sandbox');
    try {
      const browser = await launch({
        executablePath: found.executablePath,
        headless: found.kind === 'headless-shell' ? 'shell' : true,
        args,
        timeout: this.timeoutMs,
        protocolTimeout: this.timeoutMs * 2,
        // The CLI decides what Ctrl-C does (clean up, then exit); Puppeteer still kills the
        // browser when this process exits, whatever the reason.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      browser.once('disconnected', () => {
        this.browser = undefined;
      });
      return browser;
    } catch (e) {
      throw new StudyguideError(`could not start the browser at ${found.executablePath}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, undefined, { cause: e });
    }
  }

  async close(): Promise<void> {
    active.delete(this);
    const pending = this.browser;
    this.browser = undefined;
    if (!pending) return;
    const browser = await pending.catch(() => undefined);
    if (!browser) return;
    const closed = browser.close().catch(() => undefined);
    // A browser that does not close in time is killed, so that none is left behind.
    const timer = setTimeout(() => browser.process()?.kill('SIGKILL'), 2000);
    await closed;
    clearTimeout(timer);
  }
}

/** Chrome's sandbox cannot start as root or in most containers. */
function needsNoSandbox(): boolean {
  return process.env.STUDYGUIDE_NO_SANDBOX === '1' || (typeof process.getuid === 'function' && process.getuid() === 0);
}

async function answer(request: HTTPRequest, job: PrintJob, documentUrl: string, blocked: string[]): Promise<void> {
  const url = request.url();
  try {
    if (url === documentUrl) {
      await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: job.html });
      return;
    }
    if (url.startsWith('data:')) {
      await request.continue();
      return;
    }
    if (url.startsWith(`${pageOrigin}${fontsPath}`)) {
      // Reserved for the bundled fonts: answered from the font packages, never the guide folder.
      const font = await readBundledFont(url.slice(pageOrigin.length + fontsPath.length));
      if (font) {
        await request.respond({ status: 200, contentType: 'font/woff2', body: font });
        return;
      }
    } else if (url.startsWith(`${pageOrigin}/`)) {
      const relative = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
      const file = path.resolve(job.baseDir, relative);
      const type = contentTypes[path.extname(file).toLowerCase()];
      if (type && (await inside(job.baseDir, file))) {
        const body = await readFile(file).catch(() => undefined);
        if (body) {
          await request.respond({ status: 200, contentType: type, body });
          return;
        }
      }
    }
    blocked.push(url);
    await request.abort('blockedbyclient');
  } catch {
    // The page may be gone already (closed after a timeout); nothing to answer.
  }
}
