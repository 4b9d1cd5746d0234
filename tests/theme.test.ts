/**
 * The default theme (templates/theme.css) on Markdown pasted from elsewhere, printed by real
 * Chromium and read back: nothing runs off the page or stays hidden.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGuides } from '../src/build.js';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { png } from './helpers/guides.js';
import { flat, readPdf } from './helpers/pdf.js';
import { textRuns } from './helpers/pdf-fonts.js';
import { tempDir } from './helpers/tmp.js';

const notes = [
  '# Pasted notes',
  '',
  '| Year | Event | Members |',
  '|:-----|:-----:|--------:|',
  '| 1949 | NATO founded | 12 |',
  '',
  '- [ ] Read chapter 3',
  '',
  '```js',
  `const veryLongNameForTheFirstArgument = call(${Array.from({ length: 12 }, (_, i) => `argumentNumber${i}`).join(', ')});`,
  '```',
  '',
  '<details><summary>Answer</summary>',
  '',
  'The hidden answer text.',
  '',
  '</details>',
  '',
  '###### A sixth-level heading',
  '',
  'https://example.org/a/very/long/address/that/keeps/going/and/going/without/any/space/at/all/index.html',
  '',
].join('\n');

describe('default theme', () => {
  it('prints pasted Markdown inside the page: wrapped code, open details, aligned columns', async () => {
    const dir = await tempDir({ 'notes/guide.md': notes });
    const out = path.join(dir, 'out');
    const report = await buildGuides({ paths: [path.join(dir, 'notes')], outDir: out, editions: ['student'] });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pdf = await readFile(path.join(out, 'notes.student.pdf'));
    const text = flat((await readPdf(pdf)).text);
    expect(text).toContain('The hidden answer text.');
    expect(text).toContain('argumentNumber11');
    const runs = await textRuns(pdf);
    const page = runs[0]?.pageWidth ?? 0;
    // A4 with 17 mm side margins: nothing may reach into the right margin.
    const rightEdge = page - (17 / 25.4) * 72;
    for (const run of runs) expect(run.x + run.width, `"${run.str}" runs off the page`).toBeLessThanOrEqual(rightEdge + 1);
    // The right-aligned column's number ends near the table's right edge; the centred one sits in the middle.
    const members = runs.find((r) => r.str === '12');
    expect(members && members.x + members.width).toBeGreaterThan(rightEdge - 15);
    const event = runs.find((r) => r.str.includes('NATO founded'));
    const year = runs.find((r) => r.str === '1949');
    expect(event && year && event.x - year.x).toBeGreaterThan(100);
    // The lowest heading is not smaller than the text (10.5 pt).
    expect(runs.find((r) => r.str === 'A sixth-level heading')?.size).toBeGreaterThanOrEqual(10.4);
  }, 60_000);

  it("prints a word processor's export: pictures written into the text as data, by reference", async () => {
    const picture = `data:image/png;base64,${png('blue').toString('base64')}`;
    const dir = await tempDir({ 'trip/guide.md': `# Field trip\n\n![The harbour][image1]\n\n# Part one\n\nText.\n\n[image1]: <${picture}>\n` });
    const out = path.join(dir, 'out');
    const report = await buildGuides({ paths: [path.join(dir, 'trip')], outDir: out, editions: ['student'] });
    expect(report.diagnostics).toEqual([]);
    const doc = await getDocument({ data: new Uint8Array(await readFile(path.join(out, 'trip.student.pdf'))), verbosity: 0 }).promise;
    try {
      const ops = await (await doc.getPage(1)).getOperatorList();
      // The 2 × 2 picture itself, not Chrome's broken-image icon (14 × 16).
      const sizes = ops.fnArray.flatMap((op, i) => (op === OPS.paintImageXObject ? [(ops.argsArray[i] as unknown[]).slice(1, 3)] : []));
      expect(sizes).toEqual([[2, 2]]);
    } finally {
      await doc.destroy();
    }
  }, 60_000);
});
