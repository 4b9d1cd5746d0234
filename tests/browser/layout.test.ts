/**
 * The page estimate from the screen layout (src/browser/layout.ts), checked against real prints:
 * every link target's page as Chromium's PDF records it (named destinations), and the page count.
 * Where a stylesheet gives pages different geometry, the estimate must say it cannot tell.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Printer } from '../../src/browser/printer.js';
import { pdfDestinations } from '../../src/pagerefs.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

const words = 'archive treaty border council minister proposal memo delegation reply security alliance conference harbour railway envoy ledger'.split(' ');
function paragraph(seed: number, length: number): string {
  return `<p>${Array.from({ length }, (_, i) => words[(seed * 7 + i * 5) % words.length]).join(' ')}.</p>`;
}

/** A document with contents links to sections of uneven length, lists, a table and a forced page break. */
function document(options: { css?: string; dir?: 'ltr' | 'rtl'; sections?: number } = {}): string {
  const count = options.sections ?? 14;
  const body: string[] = [];
  body.push('<nav><h1>Contents</h1><ol>', ...Array.from({ length: count }, (_, i) => `<li><a href="#s${i}">Section ${i}</a></li>`), '<li><a href="#table">Table</a></li><li><a href="#end">End</a></li></ol></nav>');
  for (let i = 0; i < count; i++) {
    body.push(`<section id="s${i}"><h2>Section ${i}</h2>`);
    for (let p = 0; p < 1 + ((i * 5) % 4); p++) body.push(paragraph(i + p, 40 + ((i * 37 + p * 11) % 90)));
    if (i % 3 === 1) body.push(`<p>Points:</p><ul>${Array.from({ length: 4 }, (_, k) => `<li>${words[(i + k) % words.length]} item</li>`).join('')}</ul>`);
    body.push('</section>');
  }
  body.push(`<section id="table"><h2>Table</h2><table><thead><tr><th>Term</th><th>Meaning</th></tr></thead><tbody>${Array.from({ length: 30 }, (_, r) => `<tr><td>${words[r % words.length]}</td><td>${paragraph(r, 12 + (r % 5) * 6)}</td></tr>`).join('')}</tbody></table></section>`);
  body.push(`<section id="end" class="end"><h2>End</h2>${paragraph(3, 60)}</section>`);
  return `<!doctype html><html lang="en" dir="${options.dir ?? 'ltr'}"><head><meta charset="utf-8"><title>Estimate</title><style>
  @page { size: A4; margin: 18mm 17mm 20mm 17mm; @bottom-right { content: counter(page); } }
  body { margin: 0; font: 11pt/1.45 serif; }
  h2 { break-after: avoid; margin: 6mm 0 2mm; }
  p { orphans: 2; widows: 2; margin: 0 0 3mm; }
  tr { break-inside: avoid; }
  td { vertical-align: top; border-bottom: 0.5pt solid #999; }
  .end { break-before: page; }
  ${options.css ?? ''}
  </style></head><body>${body.join('\n')}</body></html>`;
}

describe('page estimate without printing', () => {
  const printer = new Printer({ timeoutMs: 30_000 });
  afterAll(() => printer.close());

  async function compare(html: string, paper: 'a4' | 'letter' = 'a4') {
    const baseDir = await tempDir();
    const estimate = await printer.estimatePages({ html, baseDir, paper });
    const printed = await printer.print({ html, baseDir, paper });
    const actual = Object.fromEntries(await pdfDestinations(printed.pdf));
    const pages = (await readPdf(printed.pdf)).pages.length;
    return { estimate, actual, pages };
  }

  it('gives the page of every link target and the page count that a print gives', async () => {
    const { estimate, actual, pages } = await compare(document());
    expect(Object.keys(actual)).toHaveLength(16);
    // The document is long enough for the comparison to mean something.
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(new Set(Object.values(actual)).size).toBeGreaterThanOrEqual(5);
    expect(estimate?.pages).toEqual(actual);
    expect(estimate?.pageCount).toBe(pages);
  });

  it('follows the page size and margins of the stylesheet, right to left too', async () => {
    const css = '@page { size: letter; margin: 1in 0.6in; } body { font-size: 12pt; }';
    for (const dir of ['ltr', 'rtl'] as const) {
      const { estimate, actual, pages } = await compare(document({ css, dir }), 'letter');
      expect(estimate?.pages, dir).toEqual(actual);
      expect(estimate?.pageCount, dir).toBe(pages);
    }
    const landscape = await compare(document({ css: '@page { size: A5 landscape; margin: 12mm; }', sections: 8 }));
    expect(landscape.estimate?.pages).toEqual(landscape.actual);
    expect(landscape.estimate?.pageCount).toBe(landscape.pages);
  });

  it('lays the page out as printed: rules for the screen do not count', async () => {
    const { estimate, actual } = await compare(document({ css: '@media screen { body { font-size: 30pt; } } @media print { p { line-height: 1.8; } }' }));
    expect(estimate?.pages).toEqual(actual);
  });

  it('says it cannot tell when pages differ from one another', async () => {
    const baseDir = await tempDir();
    for (const css of ['@page :first { margin-top: 80mm; }', '@page wide { size: A4 landscape; } .end { page: wide; }', '.end { break-before: right; }']) {
      expect(await printer.estimatePages({ html: document({ css }), baseDir, paper: 'a4' }), css).toBeNull();
    }
    // A rule for the first page that leaves its geometry alone is fine.
    expect(await printer.estimatePages({ html: document({ css: '@page :first { @bottom-right { content: none; } }' }), baseDir, paper: 'a4' })).not.toBeNull();
  });
});
