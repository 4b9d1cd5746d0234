/**
 * Finding a browser is an explicit chain, tried in this order:
 * 1. the `--browser PATH` option (or `browser` in the API);
 * 2. the STUDYGUIDE_BROWSER, then PUPPETEER_EXECUTABLE_PATH environment variables;
 * 3. a system Chrome or Chromium, headless shell first (it starts and prints faster);
 * 4. a browser that Puppeteer downloaded into its cache (~/.cache/puppeteer).
 * Nothing found is one clear error that says how to get one.
 */
import { accessSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudyguideError } from '../diagnostics.js';

export type BrowserKind = 'headless-shell' | 'chrome';
export type BrowserSource = 'option' | 'env' | 'system' | 'puppeteer-cache';

export interface FoundBrowser {
  executablePath: string;
  kind: BrowserKind;
  source: BrowserSource;
}

export interface FindOptions {
  browser?: string;
  env?: NodeJS.ProcessEnv;
  /** System paths to try, in order; defaults to the usual places for this platform. */
  systemCandidates?: readonly string[];
  /** Puppeteer's cache folder; defaults to PUPPETEER_CACHE_DIR or ~/.cache/puppeteer. */
  puppeteerCacheDir?: string;
}

export function systemCandidates(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
  }
  if (platform === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((r) => [path.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(r, 'Chromium', 'Application', 'chrome.exe')]);
  }
  return [
    // Debian's /usr/bin wrappers are shell scripts that do not exec: launch the binaries.
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium-headless-shell',
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
}

export async function findBrowser(options: FindOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  if (options.browser) {
    if (!isExecutable(options.browser)) throw new StudyguideError(`--browser ${options.browser}: no executable browser at that path`);
    return { executablePath: options.browser, kind: kindOf(options.browser), source: 'option' };
  }
  for (const name of ['STUDYGUIDE_BROWSER', 'PUPPETEER_EXECUTABLE_PATH'] as const) {
    const value = env[name];
    if (!value) continue;
    if (!isExecutable(value)) throw new StudyguideError(`${name}=${value}: no executable browser at that path`);
    return { executablePath: value, kind: kindOf(value), source: 'env' };
  }
  for (const candidate of options.systemCandidates ?? systemCandidates()) {
    if (isExecutable(candidate)) return { executablePath: candidate, kind: kindOf(candidate), source: 'system' };
  }
  const cached = await fromPuppeteerCache(options.puppeteerCacheDir ?? env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer'));
  if (cached) return cached;
  throw new StudyguideError(
    [
      'no Chrome or Chromium browser found; studyguide needs one to print PDFs.',
      'Get one in any of these ways, then run the command again:',
      '  - Debian/Ubuntu: sudo apt-get install chromium-headless-shell   (or: chromium)',
      '  - any system:    npx @puppeteer/browsers install chrome-headless-shell@stable',
      '  - or point to an installed one: --browser /path/to/chrome  or  STUDYGUIDE_BROWSER=/path/to/chrome',
      '(`studyguide check` and `studyguide build --html` work without a browser.)',
    ].join('\n'),
  );
}

async function fromPuppeteerCache(cacheDir: string): Promise<FoundBrowser | undefined> {
  try {
    const { getInstalledBrowsers, Browser } = await import('@puppeteer/browsers');
    const installed = await getInstalledBrowsers({ cacheDir });
    const order = [Browser.CHROMEHEADLESSSHELL, Browser.CHROME, Browser.CHROMIUM];
    installed.sort((a, b) => order.indexOf(a.browser) - order.indexOf(b.browser) || b.buildId.localeCompare(a.buildId, 'en', { numeric: true }));
    for (const b of installed) {
      if (!order.includes(b.browser) || !isExecutable(b.executablePath)) continue;
      return { executablePath: b.executablePath, kind: b.browser === Browser.CHROMEHEADLESSSHELL ? 'headless-shell' : 'chrome', source: 'puppeteer-cache' };
    }
  } catch {
    // No cache folder, or an unreadable one: not found.
  }
  return undefined;
}

function kindOf(executable: string): BrowserKind {
  return /headless[-_]shell/i.test(path.basename(executable)) || /headless[-_]shell/i.test(executable) ? 'headless-shell' : 'chrome';
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
