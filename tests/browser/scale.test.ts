/** One browser for a run, restarted after a crash; a remote browser by its endpoint; shards. */
import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPages, Printer } from '../../src/browser/printer.js';
import { buildGuides } from '../../src/build.js';
import { startRemoteChrome } from '../helpers/chrome.js';
import { runCli } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

async function guides(n: number): Promise<string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= n; i++) files[`g${String(i).padStart(2, '0')}/guide.md`] = `---\ntitle: Guide ${i}\n---\n\nText of guide ${i}.\n\n## Timeline\n\n- **1954** — Event ${i}.\n`;
  return tempDir(files);
}

describe('printing at scale', () => {
  let remote: ChildProcess | undefined;
  afterAll(() => {
    remote?.kill('SIGKILL');
  });

  it('restarts a browser that crashed and prints the rest', async () => {
    const dir = await guides(3);
    const out = await tempDir();
    let launches = 0;
    const printer = new Printer({ onLaunch: () => (launches += 1) });
    try {
      await printer.withPage(async () => undefined);
      // Kill the browser as a crash would.
      await printer.withPage(async (page) => {
        const session = await page.browser().target().createCDPSession();
        await session.send('Browser.crash').catch(() => undefined);
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const report = await buildGuides({ paths: [dir], outDir: out, printer });
      expect(report.ok).toBe(true);
      expect((await readdir(out)).length).toBe(6);
      expect(launches).toBe(2);
    } finally {
      await printer.close();
    }
  });

  it('prints with an already running browser given by --browser-ws-endpoint', async () => {
    const started = await startRemoteChrome();
    remote = started.process;
    const { endpoint } = started;
    const dir = await guides(2);
    const out = await tempDir();
    const r = await runCli(['build', dir, '--out', out, '--browser-ws-endpoint', endpoint, '-v'], { env: { STUDYGUIDE_BROWSER: '/nonexistent' } });
    expect(r.stderr).toContain(`browser: ${endpoint} (remote, found via endpoint; ${defaultPages()} pages at once)`);
    expect(r.code).toBe(0);
    expect((await readdir(out)).length).toBe(4);
    expect((await readPdf(path.join(out, 'g01.student.pdf'))).text).toContain('Text of guide 1.');
    // The remote browser is left running for its owner.
    expect(remote.exitCode).toBeNull();
    // The same from the config file.
    const project = await tempDir({ 'studyguide.config.yaml': `browserWSEndpoint: ${endpoint}\n` });
    const fromConfig = await runCli(['build', dir, '--out', path.join(project, 'out'), '-v'], { cwd: project, env: { STUDYGUIDE_BROWSER: '/nonexistent' } });
    expect(fromConfig.stderr).toContain(`browser: ${endpoint} (remote, found via endpoint; ${defaultPages()} pages at once)`);
    expect(fromConfig.code).toBe(0);
    expect(remote.exitCode).toBeNull();
  });

  it('stops opening its pages when closed while they open, and leaves the browser as it was', async () => {
    const started = await startRemoteChrome();
    try {
      const puppeteer = await import('puppeteer-core');
      const watcher = await puppeteer.connect({ browserWSEndpoint: started.endpoint });
      const before = (await watcher.pages()).length;
      const printer = new Printer({ browserWSEndpoint: started.endpoint, timeoutMs: 30_000 });
      // Closed the moment its first page exists, as a run with nothing to print closes it:
      // the pages are not set up further, not warmed up, and closed.
      const closed = new Promise<void>((resolve) => watcher.once('targetcreated', () => resolve(printer.close())));
      const warming = printer.warm();
      await closed;
      await warming;
      expect(printer.warmUps).toBe(0);
      expect((await watcher.pages()).length).toBe(before);
      await watcher.disconnect();
    } finally {
      started.process.kill('SIGKILL');
    }
  });

  it('splits a batch into shards that together cover every guide once', async () => {
    const dir = await guides(5);
    const seen: string[] = [];
    for (const k of [1, 2, 3]) {
      const out = await tempDir();
      const r = await runCli(['build', dir, '--out', out, '--shard', `${k}/3`, '--html-only', '--edition', 'student']);
      expect(r.code).toBe(0);
      seen.push(...(await readdir(out)));
    }
    expect(seen.sort()).toEqual(['g01', 'g02', 'g03', 'g04', 'g05'].map((g) => `${g}.student.html`));
    expect((await runCli(['build', dir, '--shard', '4/3'])).code).toBe(2);
  });
});
