/** A Chromium started by a test, as a remote browser that studyguide connects to by its endpoint. */
import { spawn, type ChildProcess } from 'node:child_process';
import { findBrowser } from '../../src/browser/find.js';
import { tempDir } from './tmp.js';

export interface RemoteChrome {
  process: ChildProcess;
  /** Its DevTools WebSocket URL. */
  endpoint: string;
}

export async function startRemoteChrome(): Promise<RemoteChrome> {
  const browser = await findBrowser();
  const profile = await tempDir();
  const child = spawn(browser.executablePath, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank']);
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint: ${text}`)), 20_000);
    child.stderr.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return { process: child, endpoint };
}
