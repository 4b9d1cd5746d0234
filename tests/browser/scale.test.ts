/** One browser for a run, restarted after a crash; a remote browser by its endpoint; shards. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find.js';
import { defaultPages, Printer } from '../../src/browser/printer.js';
import { buildGuides } from '../../src/build.js';
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
    const browser = await findBrowser();
    const profile = await tempDir();
    remote = spawn(browser.executablePath, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank']);
    const endpoint = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no DevTools endpoint: ${text}`)), 20_000);
      remote?.stderr?.on('data', (d: Buffer) => {
        text += d.toString();
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
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
