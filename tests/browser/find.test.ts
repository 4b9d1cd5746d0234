import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find.js';
import { tempDir } from '../helpers/tmp.js';

async function fakeExecutables(...names: string[]): Promise<string[]> {
  const dir = await tempDir(Object.fromEntries(names.map((n) => [n, '#!/bin/sh\n'])));
  const files = names.map((n) => path.join(dir, n));
  await Promise.all(files.map((f) => chmod(f, 0o755)));
  return files;
}

describe('finding a browser', () => {
  it('prefers the option, then the environment, then the system, then the Puppeteer cache', async () => {
    const [option, env, shell, chromium] = await fakeExecutables('option-chrome', 'env-chrome', 'chromium-headless-shell', 'chromium');
    const empty = await tempDir();
    const system = [path.join(empty, 'missing'), shell!, chromium!];
    const base = { systemCandidates: system, puppeteerCacheDir: empty };
    expect(await findBrowser({ ...base, browser: option!, env: { STUDYGUIDE_BROWSER: env! } })).toEqual({ executablePath: option, kind: 'chrome', source: 'option' });
    expect(await findBrowser({ ...base, env: { STUDYGUIDE_BROWSER: env! } })).toEqual({ executablePath: env, kind: 'chrome', source: 'env' });
    expect(await findBrowser({ ...base, env: { PUPPETEER_EXECUTABLE_PATH: env! } })).toMatchObject({ source: 'env' });
    expect(await findBrowser({ ...base, env: {} })).toEqual({ executablePath: shell, kind: 'headless-shell', source: 'system' });
  });

  it('says how to get a browser when there is none', async () => {
    const empty = await tempDir();
    const promise = findBrowser({ env: {}, systemCandidates: [], puppeteerCacheDir: empty });
    await expect(promise).rejects.toThrow(/no Chrome or Chromium browser found/);
    await expect(promise).rejects.toThrow(/apt-get install chromium-headless-shell/);
    await expect(promise).rejects.toThrow(/npx @puppeteer\/browsers install chrome-headless-shell@stable/);
  });

  it('rejects an option or variable that points nowhere', async () => {
    await expect(findBrowser({ browser: '/nonexistent/chrome', env: {} })).rejects.toThrow('--browser /nonexistent/chrome: no executable browser at that path');
    await expect(findBrowser({ env: { STUDYGUIDE_BROWSER: '/nonexistent/x' } })).rejects.toThrow('STUDYGUIDE_BROWSER=/nonexistent/x');
  });

  it('finds a browser that Puppeteer installed into its cache', async () => {
    const cache = await tempDir();
    // The layout @puppeteer/browsers uses: <cache>/<browser>/<platform>-<buildId>/<archive folder>/<binary>
    const exe = path.join(cache, 'chrome-headless-shell', 'linux-131.0.6778.85', 'chrome-headless-shell-linux64', 'chrome-headless-shell');
    await tempDirAt(exe);
    const found = await findBrowser({ env: {}, systemCandidates: [], puppeteerCacheDir: cache });
    expect(found).toEqual({ executablePath: exe, kind: 'headless-shell', source: 'puppeteer-cache' });
  });
});

async function tempDirAt(file: string): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\n');
  await chmod(file, 0o755);
}
