/** --verify-sources against a local server that answers like Crossref; nothing reaches the internet. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGuide } from '../../src/guide.js';
import { similar } from '../../src/reliability/verify.js';
import { tempDir } from '../helpers/tmp.js';

const works: Record<string, unknown> = {
  '10.1000/ok': { title: ['The Myth of a No-NATO-Enlargement Pledge to Russia'], issued: { 'date-parts': [[2009, 4]] } },
  '10.1000/retracted': { title: ['A Retracted Study'], issued: { 'date-parts': [[2015]] }, 'updated-by': [{ type: 'retraction', DOI: '10.1000/notice' }] },
  '10.1000/other': { title: ['Something Else Entirely'], issued: { 'date-parts': [[1999]] } },
};

describe('--verify-sources', () => {
  let server: Server;
  let root: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const m = /^\/works\/(.+)$/.exec(req.url ?? '');
      const doi = m ? decodeURIComponent(m[1] ?? '') : undefined;
      if (doi && works[doi]) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ status: 'ok', message: works[doi] }));
      } else if (req.url === '/page') {
        res.end('ok');
      } else {
        res.statusCode = 404;
        res.end('Resource not found.');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('checks DOIs and URLs, flags problems, and caches the results for offline builds', async () => {
    const refs = [
      { id: 'ok', type: 'article-journal', title: 'The Myth of a No-NATO-Enlargement Pledge to Russia', author: [{ family: 'Kramer' }], issued: { 'date-parts': [[2009]] }, DOI: '10.1000/ok' },
      { id: 'retracted', type: 'article-journal', title: 'A Retracted Study', author: [{ family: 'X' }], issued: { 'date-parts': [[2015]] }, DOI: '10.1000/retracted' },
      { id: 'wrong', type: 'article-journal', title: 'Reconsidering an Intervention', author: [{ family: 'Smith' }], issued: { 'date-parts': [[2022]] }, DOI: '10.1000/other' },
      { id: 'missing', type: 'article-journal', title: 'Nowhere', author: [{ family: 'Y' }], issued: { 'date-parts': [[2020]] }, DOI: '10.1000/missing' },
      { id: 'live', type: 'webpage', title: 'A page', author: [{ family: 'Z' }], issued: { 'date-parts': [[2020]] }, URL: '' },
      { id: 'dead', type: 'webpage', title: 'Gone', author: [{ family: 'W' }], issued: { 'date-parts': [[2020]] }, URL: '' },
    ];
    refs[4]!.URL = `${root}/page`;
    refs[5]!.URL = `${root}/gone`;
    const dir = await tempDir({
      'guide.md': `---\ntitle: Verify\n---\n\n${refs.map((r) => `[@${r.id}]`).join(' ')}\n`,
      'references.json': JSON.stringify(refs),
    });
    const guide = await loadGuide(path.join(dir, 'guide.md'), { verify: { online: true, crossrefUrl: root } });
    const codes = Object.fromEntries(guide.sources.map((s) => [s.id, s.auto.findings.filter((f) => /doi|url|retract/.test(f.code)).map((f) => f.code)]));
    expect(codes).toEqual({
      ok: ['doi-verified'],
      retracted: ['doi-verified', 'retracted'],
      wrong: ['doi-mismatch'],
      missing: ['doi-not-found'],
      live: ['url-reachable'],
      dead: ['url-unreachable'],
    });
    expect(guide.sources.find((s) => s.id === 'retracted')?.auto.rating).toBe(0);
    const cache = JSON.parse(await readFile(path.join(dir, 'sources.verified.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(cache.entries)).toEqual(['dead', 'live', 'missing', 'ok', 'retracted', 'wrong']);

    // Later builds read the file and ask nothing.
    const before = hits.length;
    const again = await loadGuide(path.join(dir, 'guide.md'));
    expect(hits.length).toBe(before);
    expect(again.sources.find((s) => s.id === 'wrong')?.auto.findings.some((f) => f.code === 'doi-mismatch')).toBe(true);
  });

  it('compares titles loosely', () => {
    expect(similar('The Myth of a No-NATO-Enlargement Pledge to Russia', 'The myth of a no-NATO-enlargement pledge to Russia')).toBe(true);
    expect(similar('Deal or No Deal?', 'Something else')).toBe(false);
  });
});
