/** Starting Chrome without Puppeteer: its endpoint, and nothing left behind however it ends. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find.js';
import { launchChrome } from '../../src/browser/launch.js';
import { tempDir } from '../helpers/tmp.js';

const flags = ['--disable-gpu', '--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];

/** The live processes of a process group (Chrome and its helpers); zombies waiting to be reaped are dead. */
function group(pgid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,pgid=,stat='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, g, stat]) => Number(g) === pgid && !stat?.startsWith('Z'))
    .map(([p]) => Number(p));
}

describe.skipIf(process.platform === 'win32')('launchChrome', () => {
  it('gives the DevTools endpoint, then stops Chrome with its helpers and removes its profile', async () => {
    const chrome = launchChrome(await findBrowser(), flags, 30_000);
    const endpoint = await chrome.endpoint;
    expect(endpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//);
    const version = (await (await fetch(`http://${new URL(endpoint).host}/json/version`)).json()) as { Browser: string };
    expect(version.Browser).toMatch(/Chrom/);
    const pid = chrome.pid as number;
    expect(existsSync(chrome.profile)).toBe(true);
    expect(group(pid).length).toBeGreaterThan(1);
    await chrome.stop();
    expect(group(pid)).toEqual([]);
    expect(existsSync(chrome.profile)).toBe(false);
  });

  it('leaves no Chrome and no profile when the program that started it exits without stopping it', async () => {
    const dir = await tempDir();
    const script = path.join(dir, 'run.mjs');
    const lib = (file: string) => JSON.stringify(pathToFileURL(path.resolve('lib/browser', file)).href);
    // Starts Chrome, says which, and exits at once (as after Ctrl-C). Runs the built lib/ (npm test builds it).
    await writeFile(script, `import { findBrowser } from ${lib('find.js')};
import { launchChrome } from ${lib('launch.js')};
const chrome = launchChrome(await findBrowser(), ${JSON.stringify(flags)}, 30000);
await chrome.endpoint;
console.log(JSON.stringify({ pid: chrome.pid, profile: chrome.profile }));
process.exit(0);
`);
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.once('exit', () => resolve(text));
      child.once('error', reject);
    });
    const { pid, profile } = JSON.parse(output) as { pid: number; profile: string };
    expect(pid).toBeGreaterThan(0);
    // Killed as the program exited: gone within moments (a signal is not delivered instantly).
    for (let i = 0; i < 40 && group(pid).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(group(pid)).toEqual([]);
    expect(existsSync(profile)).toBe(false);
  });

  it('says why when the browser exits before it is ready', async () => {
    const dir = await tempDir();
    const fake = path.join(dir, 'chrome');
    await writeFile(fake, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 1\n', { mode: 0o755 });
    const chrome = launchChrome({ executablePath: fake, kind: 'chrome', source: 'option' }, flags, 30_000);
    await expect(chrome.endpoint).rejects.toThrow(/exited before it was ready: error while loading shared libraries: libnss3\.so/);
    await chrome.stop();
    expect(existsSync(chrome.profile)).toBe(false);
  });
});
