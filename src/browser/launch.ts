/**
 * Starting and stopping Chrome, without Puppeteer. Puppeteer's own `launch` can only start the
 * browser once Puppeteer is imported, and on a cold start that import waits behind the first
 * guide's parsing on the one JavaScript thread: Chrome used to start about half a second into a
 * run, and its own start-up (about 0.3 s to the first usable page) then held up the first print.
 * Spawned here, Chrome boots on the other core while the guide is read, and the printer connects
 * to it over DevTools once Puppeteer is loaded.
 *
 * The arguments are Puppeteer's defaults for a headless browser (the PDF-related ones matter:
 * tagged PDF, document outline, sRGB) plus the printer's flags. Each browser gets a temporary
 * profile folder, removed when it stops, also when this process exits without stopping it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FoundBrowser } from './find.js';

/** Puppeteer 24's `defaultArgs()` for headless Chrome, less `--headless` (set by kind) and the start URL. */
const puppeteerDefaults = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

export interface LaunchedChrome {
  /** The DevTools WebSocket URL, once Chrome is listening; rejects if it exits or takes too long. */
  endpoint: Promise<string>;
  /** Kills Chrome and all its helper processes, and removes its profile folder. */
  stop(): Promise<void>;
  /** Whether the blank tab Chrome starts with has been put to use (by the printer). */
  firstTabTaken: boolean;
  /** The browser process (the leader of its process group) and its profile folder. */
  readonly pid: number | undefined;
  readonly profile: string;
  /** Whether Chrome has said where it listens (before that, nothing can be talking to it). */
  readonly ready: boolean;
}

/** Processes started here and not yet stopped: killed, and their profiles removed, if this process exits first. */
const running = new Map<ChildProcess, string>();
let exitHook = false;

export function launchChrome(found: FoundBrowser, flags: readonly string[], timeoutMs: number): LaunchedChrome {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'studyguide-chrome-'));
  const args = [...puppeteerDefaults, found.kind === 'headless-shell' ? '--headless' : '--headless=new', ...flags, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'];
  // Its own process group (not on Windows), so that stopping it ends its helpers too.
  const child = spawn(found.executablePath, args, { detached: process.platform !== 'win32', stdio: ['ignore', 'ignore', 'pipe'] });
  running.set(child, profile);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const [c, dir] of running) {
        kill(c);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    // Spawning failed (no such file, not executable): there will be no exit event.
    child.once('error', () => resolve());
  });
  let ready = false;
  const endpoint = new Promise<string>((resolve, reject) => {
    let text = '';
    let done = false;
    const finish = (error?: Error, url?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (url) resolve(url);
      else reject(error ?? new Error('the browser did not start'));
    };
    const timer = setTimeout(() => finish(new Error(`the browser did not start within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    // Chrome writes the endpoint on standard error; the rest is read and dropped, or a full pipe would stall it.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (done) return;
      text += chunk.toString();
      const m = /^DevTools listening on (ws:\/\/\S+)/m.exec(text);
      if (m?.[1]) {
        ready = true;
        finish(undefined, m[1]);
      }
    });
    child.once('error', (e) => finish(e));
    void exited.then(() => finish(new Error(`the browser exited before it was ready${lastLines(text)}`)));
  });
  // Whoever waits for the endpoint sees a failure; nobody waiting is no unhandled rejection.
  endpoint.catch(() => undefined);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      kill(child);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      running.delete(child);
      await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    })());
  return {
    endpoint,
    stop,
    firstTabTaken: false,
    pid: child.pid,
    profile,
    get ready() {
      return ready;
    },
  };
}

/** Ends Chrome with its zygotes and renderers: SIGKILL to its process group (on Windows, taskkill of its process tree). */
function kill(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    // Also after a crash of the browser process itself: its helpers may still be running.
    if (process.platform === 'win32') execFileSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Gone already (or taskkill refused): the process itself at least.
    child.kill('SIGKILL');
  }
}

function lastLines(text: string): string {
  const lines = text.trim().split('\n').filter(Boolean).slice(-3);
  return lines.length > 0 ? `: ${lines.join(' / ')}` : '';
}
