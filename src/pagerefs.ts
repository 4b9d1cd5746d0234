/**
 * Page numbers inside the document: the table of contents and the teacher edition's "cited in
 * … (p. 2)". Chrome's print cannot fill them in (`target-counter()` is dropped, `counter(page)`
 * in the body prints 0), so the document is printed twice:
 *
 * 1. rendered with every number as a placeholder, and printed;
 * 2. the page of each target is read from that PDF: Chrome writes a named destination
 *    (`/Dests`: page and position) for every element id that a link in the document points to,
 *    and every entry of the table of contents and of "cited in" is such a link;
 * 3. rendered again with the numbers and printed again.
 *
 * The numbers cannot move what they point to: in the table of contents, which comes before
 * everything it lists, each number has a box of a fixed width (tabular figures), so the first
 * and the second print have the same line breaks; "cited in" is in the appendix, after every
 * section it names. The second print is checked all the same: when a target has moved, a
 * third print is made with the new numbers; if they still moved, the result says so.
 * A document that shows no page numbers is printed once.
 *
 * The first print need not have placeholders: when the pages are already known from an earlier
 * build of the same document (the PDF it wrote, or the last build in watch mode; else the last
 * print of the same text in any folder, src/last-build.ts `documentPages`), or else can
 * be estimated from the screen layout without printing (src/browser/layout.ts, about a third
 * of the cost of a print), the first print shows those pages. If every target is where they
 * say, that print is the result: one print instead of two. Otherwise the pages it found are
 * used as above, so a wrong guess costs nothing but the estimate. The estimate and that first
 * print share one load of the document: the numbers are filled into the document the estimate
 * was made on (`estimateAndPrint`, src/page-numbers.ts), when that gives exactly the HTML
 * rendered with them.
 */
import { readDestinations } from './pdf/destinations.js';
import type { PrintResult } from './browser/printer.js';

/** Pages of link targets by element id (1 = the first page), or 'pending' during the first print. */
export type PageNumbers = ReadonlyMap<string, number> | 'pending';

export interface PageNumberJob<V> {
  /** The view of the document; `pages` is undefined when no page numbers are shown (HTML only). */
  view: (pages: PageNumbers | undefined) => V;
  render: (view: V) => string;
  print: (html: string) => Promise<PrintResult>;
  /** Whether the view shows page numbers anywhere; without any, one print is enough. */
  needsPageNumbers: (view: V) => boolean;
  /** At most this many prints (default 3). */
  maxPasses?: number;
  /** The pages of an earlier build, tried in the first print. */
  guess?: ReadonlyMap<string, number>;
  /** Without `guess`: the pages an earlier print of the same first HTML found, if known. */
  guessFor?: (firstHtml: string) => ReadonlyMap<string, number> | undefined;
  /**
   * When there is no `guess`: estimates the pages of the first HTML and prints the document
   * rendered with them (`withPages`) in one go (`Printer.estimateAndPrint`); `guess` is
   * undefined when there was no estimate, and the HTML printed is then the first one.
   */
  estimateAndPrint?: (html: string, withPages: (pages: ReadonlyMap<string, number>) => string) => Promise<{ printed: PrintResult; html: string; guess?: ReadonlyMap<string, number> }>;
}

export interface PageNumberResult {
  /** The HTML of the last print, with its page numbers. */
  html: string;
  printed: PrintResult;
  /** How many times the document was printed. */
  passes: number;
  /** False when the targets still moved in the last print, so a number may be off. */
  settled: boolean;
  /** Where each link target ended up, when page numbers were needed. */
  pages?: ReadonlyMap<string, number>;
  /**
   * Where the first print's pages came from: an earlier build of the same PDF, an earlier print
   * of the same document elsewhere, an estimate, or placeholders.
   */
  firstGuess?: 'earlier' | 'same' | 'estimate' | 'none';
  /** The first HTML, with the page numbers as placeholders (when the view shows any). */
  firstHtml?: string;
}

export async function printWithPageNumbers<V>(job: PageNumberJob<V>): Promise<PageNumberResult> {
  const first = job.view('pending');
  if (!job.needsPageNumbers(first)) {
    const html = job.render(first);
    return { html, printed: await job.print(html), passes: 1, settled: true };
  }
  const maxPasses = Math.max(2, job.maxPasses ?? 3);
  const firstHtml = job.render(first);
  let html = firstHtml;
  let guess: ReadonlyMap<string, number> | undefined;
  let firstGuess: PageNumberResult['firstGuess'] = 'none';
  let printed: PrintResult | undefined;
  const earlier = job.guess && job.guess.size > 0 ? job.guess : undefined;
  const same = earlier ? undefined : job.guessFor?.(firstHtml);
  if (earlier) {
    guess = earlier;
    firstGuess = 'earlier';
  } else if (same && same.size > 0) {
    guess = same;
    firstGuess = 'same';
  } else if (job.estimateAndPrint) {
    ({ printed, html, guess } = await job.estimateAndPrint(html, (pages) => job.render(job.view(pages))));
    if (guess) firstGuess = 'estimate';
  }
  if (!printed) {
    if (guess) html = job.render(job.view(guess));
    printed = await job.print(html);
  }
  let shown = await pdfDestinations(printed.pdf);
  if (guess && samePages(shown, guess)) return { html, printed, passes: 1, settled: true, pages: shown, firstGuess, firstHtml };
  for (let pass = 2; ; pass++) {
    html = job.render(job.view(shown));
    printed = await job.print(html);
    const found = await pdfDestinations(printed.pdf);
    if (samePages(found, shown)) return { html, printed, passes: pass, settled: true, pages: found, firstGuess, firstHtml };
    if (pass >= maxPasses) return { html, printed, passes: pass, settled: false, pages: found, firstGuess, firstHtml };
    shown = found;
  }
}

/** The pages of a PDF's named destinations: read directly where the file allows, else parsed in full. */
export async function pdfDestinations(pdf: Uint8Array): Promise<Map<string, number>> {
  const direct = readDestinations(pdf);
  if (direct) return direct;
  const [{ loadPdf }, { destinationPages }] = await Promise.all([import('./pdf/document.js'), import('./pdf/pdflib-destinations.js')]);
  return destinationPages(await loadPdf(pdf));
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, page] of a) if (b.get(id) !== page) return false;
  return true;
}
