/** The printer with real Chromium: PDFs come back, and the page reaches nothing outside. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPages, Printer } from '../../src/browser/printer.js';
import { pageNumberPlaceholder, withEstimatedPages } from '../../src/page-numbers.js';
import { finishPdf } from '../../src/pdf/finish.js';
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

  it('shows each guide its own images, also when another used the same name or the file changed', async () => {
    // Pages are reused, and a document keeps images by URL: each print gets URLs of its own.
    const red = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==', 'base64');
    const blue = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAD0lEQVR4nGNgYPgPRmAKABf2A/1+6zfzAAAAAElFTkSuQmCC', 'base64');
    const root = await tempDir({ 'a/map.png': red, 'b/map.png': blue });
    const one = new Printer({ timeoutMs: 30_000, concurrency: 1 });
    try {
      const html = '<!doctype html><p>Map</p><img src="map.png" style="width:40mm;height:40mm">';
      const colour = async (dir: string) => {
        const printed = await one.print({ html, baseDir: path.join(root, dir), paper: 'a4' });
        expect(printed.loaded).toEqual([path.join(root, dir, 'map.png')]);
        return imageColours(printed.pdf);
      };
      expect(await colour('a')).toEqual(['ff0000']);
      expect(await colour('b')).toEqual(['0000ff']);
      await writeFile(path.join(root, 'a', 'map.png'), blue);
      expect(await colour('a')).toEqual(['0000ff']);
    } finally {
      await one.close();
    }
  });

  it('prints what only a layout asks for: an image from a stylesheet and a web font', async () => {
    // The headless shell draws no frames for the printer's pages (src/browser/printer.ts): the
    // page is laid out once after loading, so that these are fetched before the print.
    const red = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==', 'base64');
    const dir = await tempDir({ 'bg.png': red });
    const html = `<!doctype html><html><head><style>
      @font-face { font-family: Probe; src: url("/_studyguide/fonts/source-serif-4-latin-400-normal.woff2") format("woff2"); }
      body { font-family: Probe, monospace; } .box { width: 40mm; height: 20mm; background: url("bg.png"); }
      </style></head><body><p>Serif text</p><div class="box"></div></body></html>`;
    for (let i = 0; i < 2; i++) {
      const printed = await printer.print({ html, baseDir: dir, paper: 'a4' });
      expect(printed.loaded).toEqual([path.join(dir, 'bg.png')]);
      expect(await imageColours(printed.pdf)).toEqual(['ff0000']);
      const doc = await PDFDocument.load(printed.pdf);
      const fonts = [...doc.context.enumerateIndirectObjects()].map(([, o]) => (o as { get?: (n: PDFName) => unknown }).get?.(PDFName.of('BaseFont'))).filter(Boolean).map(String);
      expect(fonts.some((f) => f.includes('SourceSerif4'))).toBe(true);
    }
  });

  it('prints on the tab Chrome starts with, opening only the other page of its pool', async () => {
    const own = new Printer({ timeoutMs: 30_000 });
    try {
      await own.warm();
      // The pool's two pages, and the one withPage lends: no blank tab is left over.
      expect(await own.withPage(async (page) => (await page.browser().pages()).length)).toBe(3);
    } finally {
      await own.close();
    }
  });

  it('warms up a page only when no print is waiting for it', async () => {
    const dir = await tempDir();
    const idle = new Printer({ timeoutMs: 30_000 });
    const busy = new Printer({ timeoutMs: 30_000 });
    try {
      // Nothing to print yet: both pages are warmed up while the guides are read.
      await idle.warm();
      expect(idle.warmUps).toBe(2);
      // A document is ready as the pages open: it takes the first page as it is.
      const warming = busy.warm();
      const printed = await busy.print({ html: '<!doctype html><title>T</title><p>Ready at once</p>', baseDir: dir, paper: 'a4' });
      await warming;
      expect((await readPdf(printed.pdf)).text).toContain('Ready at once');
      expect(busy.warmUps).toBe(1);
    } finally {
      await Promise.all([idle.close(), busy.close()]);
    }
  });

  it('fills estimated page numbers into the loaded document, which prints as that document loaded would', async () => {
    const dir = await tempDir();
    // Page breaks the estimate turns into column breaks (and must undo), a contents list, and a
    // number inside an attribute (printed by CSS), which cannot be filled in place.
    const doc = (page: (id: string) => string, titled = false) => `<!doctype html><html lang="en"><head><title>T</title><style>@page { size: A4; margin: 20mm } body { margin: 0 } section { break-before: page } .n::after { content: "last part on page " attr(data-n) }</style></head><body>
      <ul>${['s1', 's2', 's3'].map((id) => `<li><a href="#${id}">Part ${id}</a> ${page(id)}</li>`).join('')}</ul>${titled ? `<p class="n" data-n="${page('s3')}"></p>` : ''}
      ${['s1', 's2', 's3'].map((id) => `<section><h2 id="${id}">Part ${id}</h2><p>Text of ${id}.</p></section>`).join('')}</body></html>`;
    const info = { title: 'T', authors: [], keywords: [], lang: 'en', date: new Date(0) };
    for (const titled of [false, true]) {
      const pending = doc((id) => String(pageNumberPlaceholder(id)), titled);
      const printed = await printer.estimateAndPrint({ html: pending, baseDir: dir, paper: 'a4' }, (estimate) => {
        const pages = new Map(Object.entries(estimate?.pages ?? {}));
        return withEstimatedPages(pending, pages, (p) => doc((id) => String(p.get(id)), titled));
      });
      expect(printed.filled?.pages).toEqual(new Map([['s1', 2], ['s2', 3], ['s3', 4]]));
      expect(printed.filled?.inPlace).toBe(titled ? 4 : 3);
      const loaded = await printer.print({ html: doc((id) => String({ s1: 2, s2: 3, s3: 4 }[id]), titled), baseDir: dir, paper: 'a4' });
      // The same bytes once dates and Chrome's node counters are set aside (finishPdf).
      expect(Buffer.from(finishPdf(printed.pdf, { info, headings: [] }) ?? [])).toEqual(Buffer.from(finishPdf(loaded.pdf, { info, headings: [] }) ?? []));
      const text = (await readPdf(printed.pdf)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Part s1 2 Part s2 3 Part s3 4');
      if (titled) expect(text).toContain('last part on page 4');
    }
  });

  const fullChrome = ['/usr/lib/chromium/chromium', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'].find((f) => existsSync(f));
  it.skipIf(!fullChrome)('reports nothing the document did not ask for, with full Chrome too (its own icon request)', async () => {
    const own = new Printer({ timeoutMs: 30_000, browser: fullChrome as string });
    try {
      const dir = await tempDir();
      for (let i = 0; i < 2; i++) expect((await own.print({ html: `<!doctype html><title>T</title><p>Page ${i}</p>`, baseDir: dir, paper: 'a4' })).blocked).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('starts no browser once it is closed, also when closed while its launch is under way', async () => {
    const dir = await tempDir();
    // A "browser" that leaves a mark when it is started.
    const fake = path.join(dir, 'chrome');
    await writeFile(fake, `#!/bin/sh\ntouch "${path.join(dir, 'started')}"\nsleep 5\n`, { mode: 0o755 });
    const own = new Printer({ timeoutMs: 30_000, browser: fake });
    const warming = own.warm();
    await own.close();
    await warming;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(path.join(dir, 'started'))).toBe(false);
  });

  it('uses one browser for many documents', async () => {
    const dir = await tempDir();
    const results = await Promise.all([1, 2, 3, 4].map((n) => printer.print({ html: `<p>Document ${n}</p>`, baseDir: dir, paper: 'a4' })));
    const texts = await Promise.all(results.map(async (r) => (await readPdf(r.pdf)).text));
    expect(texts.map((t) => t.trim())).toEqual(['Document 1', 'Document 2', 'Document 3', 'Document 4']);
    expect(launches).toBe(1);
  });
});

describe('defaultPages', () => {
  it('sizes the pool to the machine: one page per two cores, from two to four', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 16, 64].map((cores) => defaultPages(cores))).toEqual([2, 2, 2, 2, 2, 3, 4, 4, 4]);
    expect(new Printer().concurrency).toBe(defaultPages());
  });
});

/** The colour of the first pixel of each image drawn in a PDF (Chrome stores them Flate-compressed RGB). */
async function imageColours(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const colours: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    if (object.dict.get(PDFName.of('SMask')) === undefined && object.dict.get(PDFName.of('ColorSpace')) === PDFName.of('DeviceGray')) continue;
    const pixels = inflateSync(object.contents);
    colours.push(Buffer.from(pixels.subarray(0, 3)).toString('hex'));
  }
  return colours;
}
