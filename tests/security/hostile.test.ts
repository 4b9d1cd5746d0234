/**
 * A guide from a stranger: scripts, iframes, forms, file URLs, remote CSS and images pointed at
 * a loopback server, path traversal, a symlink out of the folder and template-looking text.
 * Nothing may run, leak or reach the network; the PDF's text and the server's hit count prove it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { flat, readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('a hostile guide', () => {
  let server: Server;
  let origin = '';
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url?.endsWith('.png')) {
        res.setHeader('content-type', 'image/png');
        res.end(png);
      } else res.end('body { background: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  async function hostileGuide(): Promise<string> {
    const parent = await tempDir({ 'SECRET.txt': 'TOP-SECRET-OUTSIDE', 'outside.png': png });
    const dir = path.join(parent, 'g');
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(dir);
    await writeFile(path.join(dir, 'ok.png'), png);
    await symlink(path.join(parent, 'outside.png'), path.join(dir, 'link.png'));
    await writeFile(
      path.join(dir, 'guide.md'),
      [
        '---',
        'title: "Hostile {{constructor.constructor}} <script>alert(1)</script>"',
        '---',
        '',
        'Visible text. Template-looking: {{title}} {{> layout}} {{#each x}}.',
        '',
        '<script>document.body.innerHTML = "SCRIPT RAN"</script>',
        '<img src="x" onerror="document.body.innerHTML=\'ONERROR RAN\'">',
        '<iframe src="' + origin + '/iframe"></iframe>',
        '<object data="' + origin + '/object"></object><embed src="' + origin + '/embed">',
        '<meta http-equiv="refresh" content="0;url=' + origin + '/refresh">',
        '<form action="' + origin + '/form"><input name="q"><button>Send</button></form>',
        '<a href="javascript:alert(1)">js link</a>',
        '<link rel="stylesheet" href="' + origin + '/link.css">',
        '<style>@import url("' + origin + '/import.css"); body { background: url("' + origin + '/bg.png") }</style>',
        '<div style="background-image: url(' + origin + '/inline.png)">styled</div>',
        '',
        '![remote](' + origin + '/remote.png) ![traversal](../outside.png) ![absolute](/etc/passwd) ![file](file:///etc/hostname) ![symlink](link.png) ![ok](ok.png)',
        '',
        '<img src="' + origin + '/raw.png">',
      ].join('\n'),
    );
    return dir;
  }

  it('prints the text and nothing else, with warnings for what it refused', async () => {
    const dir = await hostileGuide();
    const out = await tempDir();
    const r = await runCli(['build', dir, '--out', out, '--html', '--edition', 'student']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(hits).toEqual([]);
    const pdf = await readPdf(path.join(out, 'g.student.pdf'));
    const text = flat(pdf.text);
    expect(text).toContain('Visible text. Template-looking: {{title}} {{> layout}} {{#each x}}.');
    expect(text).toContain('Hostile {{constructor.constructor}} <script>alert(1)</script>');
    for (const bad of ['SCRIPT RAN', 'ONERROR RAN', 'TOP-SECRET-OUTSIDE', 'root:']) expect(text).not.toContain(bad);
    const html = await readFile(path.join(out, 'g.student.html'), 'utf8');
    for (const bad of ['<script>alert', '<iframe', '<object', '<embed', 'http-equiv', '<form', 'javascript:', 'onerror', `${origin}/link.css`, `${origin}/import.css`]) {
      expect(html, bad).not.toContain(bad);
    }
    expect(r.stderr).toMatch(new RegExp(`guide\\.md:\\d+:\\d+: warning: remote content "${origin.replace(/[.]/g, '\\.')}/remote\\.png" is not fetched`));
    expect(r.stderr).toMatch(/warning: "outside\.png" is not in the guide's folder|warning: "\.\.\/outside\.png"/);
    expect(r.stderr).toMatch(/warning: "link\.png" is not in the guide's folder/);
    expect(r.stderr).not.toMatch(/"ok\.png"/);
  });

  it('fetches remote images only when allowed', async () => {
    const dir = await hostileGuide();
    const out = await tempDir();
    const before = hits.length;
    const r = await runCli(['build', dir, '--out', out, '--edition', 'student', '--allow-remote']);
    expect(r.code).toBe(0);
    expect(hits.slice(before).sort()).toEqual(['/raw.png', '/remote.png']);
  });
});
