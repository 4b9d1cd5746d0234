/** The printer with real Chromium: PDFs come back, and the page reaches nothing outside. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Printer } from '../../src/browser/printer.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('Printer', () => {
  let server: Server;
  let hits = 0;
  let origin: string;
  let launches = 0;
  const printer = new Printer({ timeoutMs: 30_000, onLaunch: () => (launches += 1) });

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.end('body { color: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await printer.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('prints a PDF with the page text and title', async () => {
    const dir = await tempDir();
    const { pdf } = await printer.print({ html: '<!doctype html><title>Hello PDF</title><p>Printed text</p>', baseDir: dir, paper: 'a4' });
    const content = await readPdf(pdf);
    expect(content.text).toContain('Printed text');
    expect(content.info.Title).toBe('Hello PDF');
  });

  it('serves the guide folder and refuses the network and files outside it', async () => {
    const parent = await tempDir({ 'outside.png': png, 'guide/img/ok.png': png });
    const dir = path.join(parent, 'guide');
    const html = `<!doctype html><html><head><style>@import url("${origin}/import.css"); body { background: url("${origin}/bg.png"); }</style>
      <link rel="stylesheet" href="${origin}/link.css"></head><body>
      <img src="img/ok.png"><img src="../outside.png"><img src="/etc/passwd"><img src="file:///etc/hostname"><img src="${origin}/remote.png">
      <script>document.body.append('SCRIPT RAN')</script><p>Body</p></body></html>`;
    const { pdf, blocked } = await printer.print({ html, baseDir: dir, paper: 'letter' });
    const content = await readPdf(pdf);
    expect(content.text).toContain('Body');
    expect(content.text).not.toContain('SCRIPT RAN');
    expect(hits).toBe(0);
    expect(blocked.some((u) => u.endsWith('/outside.png'))).toBe(true);
    expect(blocked.some((u) => u.endsWith('/img/ok.png'))).toBe(false);
    expect(blocked.filter((u) => u.startsWith(origin)).length).toBeGreaterThanOrEqual(3);
  });

  it('uses one browser for many documents', async () => {
    const dir = await tempDir();
    const results = await Promise.all([1, 2, 3, 4].map((n) => printer.print({ html: `<p>Document ${n}</p>`, baseDir: dir, paper: 'a4' })));
    const texts = await Promise.all(results.map(async (r) => (await readPdf(r.pdf)).text));
    expect(texts.map((t) => t.trim())).toEqual(['Document 1', 'Document 2', 'Document 3', 'Document 4']);
    expect(launches).toBe(1);
  });
});
