/**
 * Builds the editions of one checked guide: render each edition's HTML, print it, set the PDF's
 * metadata, write the files atomically. Requests the page made and did not get are reported
 * as warnings at the place in the guide that asked for them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Printer } from './browser/printer.js';
import { positionAt, type Diagnostic } from './diagnostics.js';
import type { Guide } from './guide.js';
import type { Edition } from './html.js';
import type { BuildOptions } from './options.js';
import { writeAtomic } from './output.js';
import { withEstimatedPages } from './page-numbers.js';
import { pdfDestinations, printWithPageNumbers, type PageNumbers } from './pagerefs.js';
import { pageCount } from './pdf/destinations.js';
import { finishPdf } from './pdf/finish.js';
import { documentInfo, type DocumentInfo } from './pdf/info.js';
import { headingTexts } from './pdf/titles.js';
import { confirmKept, documentPages, printedBecause as printedBecauseText, printingIdentity, recordedPages, remember, rememberDocumentPages, unchanged } from './last-build.js';
import { prepareCitations } from './references/format.js';
import type { TemplateSet } from './templates.js';
import type { Theme } from './theme.js';
import { buildView, withPages, type View } from './view.js';

export interface GuideBuild {
  guide: Guide;
  templates: TemplateSet;
  outDir: string;
  editions: readonly Edition[];
  paper: 'a4' | 'letter';
  theme?: Theme;
  printer: () => Promise<Printer>;
  options: BuildOptions;
}

export async function buildGuide(b: GuideBuild): Promise<{ outputs: string[]; kept: string[]; warnings: Diagnostic[] }> {
  const { guide, options } = b;
  const outputs: string[] = [];
  /** Outputs kept from the last build (src/last-build.ts), not written again. */
  const kept: string[] = [];
  const blocked = new Set<string>();
  // Settings, lowest first: defaults < config file < front matter (toc) < command line (duplex).
  const toc = guide.meta.toc ?? options.config?.toc ?? true;
  const duplex = options.duplex ?? options.config?.duplex ?? false;
  const warnings: Diagnostic[] = [];
  // Every edition finishes or fails before a failure is passed on: an edition still printing
  // after the run has closed its browser would start another one, and the command never ended.
  const settled = await Promise.allSettled(
    b.editions.map(async (edition) => {
      const started = performance.now();
      // Citations from the disk cache, or else the CSL processor loaded (src/references/format.ts).
      await prepareCitations(guide.library, guide.clusters, edition, guide.meta.lang, guide.style);
      // The view is built once; the page numbers of each print are filled into a copy of it.
      const plain = buildView(guide, { edition, paper: b.paper, toc, ...(b.theme ? { theme: b.theme } : {}) });
      const view = (pages?: PageNumbers) => withPages(plain, pages);
      const base = path.join(b.outDir, `${guide.slug}.${edition}`);
      const writeHtml = async (html: string) => {
        await writeAtomic(`${base}.html`, html);
        outputs.push(`${base}.html`);
        options.onEvent?.({ type: 'output', guide: guide.slug, edition, file: `${base}.html`, format: 'html', ms: performance.now() - started, bytes: Buffer.byteLength(html) });
      };
      if (options.htmlOnly) return writeHtml(b.templates.render(view()));
      const info = await documentInfo(guide.meta, { file: guide.file });
      // Everything besides the HTML that goes into the files: the same HTML with other settings is another PDF.
      const settings = JSON.stringify([info, duplex, options.booklet ?? false, options.html ?? false, b.paper]);
      const pdfFile = `${base}.pdf`;
      // An edition whose HTML, settings and loaded files are those of the last build, with its
      // files as that build left them, is not printed again (src/last-build.ts): an edit to the
      // teacher's notes reprints only the teacher edition, a folder built again only the guides
      // that changed. A print recorded by another run stands only if the same code, fonts and
      // browser would print now.
      const printedWith = async () => printingIdentity(await (await b.printer()).identity());
      const last = options.force ? undefined : await unchanged(pdfFile, settings, (pages) => b.templates.render(view(plain.needsPageNumbers ? pages : 'pending')), printedWith);
      const same = last && 'kept' in last ? last.kept : undefined;
      if (same) {
        confirmKept(pdfFile);
        outputs.push(...same.outputs.map(([file]) => file));
        kept.push(...same.outputs.map(([file]) => file));
        for (const url of same.blocked) blocked.add(url);
        options.onEvent?.({ type: 'output', guide: guide.slug, edition, file: pdfFile, format: 'pdf', ms: performance.now() - started, bytes: same.bytes, ...(same.pageCount ? { pages: same.pageCount } : {}), prints: 0, unchanged: true });
        return;
      }
      const printer = await b.printer();
      // Page numbers in the text (contents, "cited in"): printed once when the pages of the last
      // build, or else those estimated from the screen layout, prove right; otherwise twice
      // (src/pagerefs.ts).
      const guess = plain.needsPageNumbers ? await earlierPages(pdfFile) : undefined;
      const result = await printWithPageNumbers<View>({
        view,
        render: (v) => b.templates.render(v),
        print: (html) => printer.print({ html, baseDir: guide.dir, paper: b.paper }),
        // Only a guess: without one, the document is printed with placeholders first.
        estimateAndPrint: async (html, withPages) => {
          const printed = await printer.estimateAndPrint({ html, baseDir: guide.dir, paper: b.paper }, (estimate) => {
            const pages = new Map(Object.entries(estimate?.pages ?? {}));
            return pages.size > 0 ? withEstimatedPages(html, pages, withPages) : undefined;
          });
          return { printed, html: printed.filled?.html ?? html, ...(printed.filled ? { guess: printed.filled.pages } : {}) };
        },
        needsPageNumbers: (v) => v.needsPageNumbers,
        guessFor: (html) => documentPages(html, b.paper),
        ...(guess ? { guess } : {}),
      });
      if (result.pages) lastPages.set(pdfFile, result.pages);
      // Kept for a print of the same text elsewhere, unless it is what those pages came from.
      const alreadyKept = result.firstGuess === 'same' && result.passes === 1;
      if (result.pages && result.settled && result.firstHtml && !alreadyKept) rememberDocumentPages(result.firstHtml, b.paper, result.pages);
      if (!result.settled) warnings.push({ severity: 'warning', file: guide.file, rule: 'page-numbers-unsettled', message: `${edition} edition: the pages moved between ${result.passes} prints, so a page number in the contents or the appendix may be off by one` });
      if (options.html) await writeHtml(result.html);
      for (const url of result.printed.blocked) blocked.add(url);
      // One pass over the printed PDF: bookmarks Chrome wrote twice get their heading back;
      // metadata and fixed dates, so the same guide gives the same bytes (src/pdf/finish.ts);
      // duplex padding, or a file the direct way cannot read, through pdf-lib.
      const headings = headingTexts(result.html);
      const pdf = (duplex ? undefined : finishPdf(result.printed.pdf, { info, headings })) ?? (await finishWithPdfLib(result.printed.pdf, info, headings, duplex));
      await writeAtomic(pdfFile, pdf);
      outputs.push(pdfFile);
      const pageCount = countPages(pdf);
      const written = [pdfFile, ...(options.html ? [`${base}.html`] : []), ...(options.booklet ? [`${base}.booklet.pdf`] : [])];
      options.onEvent?.({ type: 'output', guide: guide.slug, edition, file: pdfFile, format: 'pdf', ms: performance.now() - started, bytes: pdf.byteLength, pages: pageCount, prints: result.passes, ...(result.firstGuess ? { pagesFrom: result.firstGuess } : {}), printedBecause: printedBecauseText[last && 'because' in last ? last.because : 'force'] });
      if (options.booklet) {
        const [{ makeBooklet }, { writeMetadata }] = await Promise.all([import('./pdf/booklet.js'), import('./pdf/metadata.js')]);
        const booklet = await writeMetadata(await makeBooklet(pdf, { paper: b.paper, rtl: plain.dir === 'rtl' }), info);
        await writeAtomic(`${base}.booklet.pdf`, booklet);
        outputs.push(`${base}.booklet.pdf`);
        options.onEvent?.({ type: 'output', guide: guide.slug, edition, file: `${base}.booklet.pdf`, format: 'pdf', ms: performance.now() - started, bytes: booklet.byteLength, pages: countPages(booklet) });
      }
      await remember(pdfFile, { html: result.html, settings, pages: result.pages, loaded: result.printed.loaded, blocked: result.printed.blocked, written, contents: new Map([[pdfFile, pdf]]), bytes: pdf.byteLength, pageCount }, await printedWith());
    }),
  );
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return { outputs: outputs.sort(), kept: kept.sort(), warnings: [...warnings, ...(await blockedWarnings(guide.file, [...blocked], options.allowRemote ?? false))] };
}

/** The same finishing with pdf-lib (loaded only when needed): for duplex padding and unusual files. */
async function finishWithPdfLib(printed: Uint8Array, info: DocumentInfo, headings: readonly string[], duplex: boolean): Promise<Uint8Array> {
  const [{ loadPdf }, { repairDocumentOutline }, { padDocumentToEven }, { setDocumentMetadata, saveWithId }] = await Promise.all([
    import('./pdf/document.js'),
    import('./pdf/outline.js'),
    import('./pdf/booklet.js'),
    import('./pdf/metadata.js'),
  ]);
  const doc = await loadPdf(printed);
  repairDocumentOutline(doc, headings);
  if (duplex) padDocumentToEven(doc);
  setDocumentMetadata(doc, info);
  return saveWithId(doc);
}

/** Pages of link targets in the last PDF built at each path in this process (watch mode, API). */
const lastPages = new Map<string, ReadonlyMap<string, number>>();

/**
 * Where the link targets were in the last build of a PDF: remembered from this process, or
 * from the record of the last build (src/last-build.ts), or read from the file an earlier run
 * left (all cheaper than a print). A wrong guess costs nothing but the print that finds it
 * wrong, which then serves as the first print.
 */
async function earlierPages(pdfFile: string): Promise<ReadonlyMap<string, number> | undefined> {
  const known = lastPages.get(pdfFile) ?? recordedPages(pdfFile);
  if (known && known.size > 0) return known;
  const bytes = await readFile(pdfFile).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const pages = await pdfDestinations(bytes);
    return pages.size > 0 ? pages : undefined;
  } catch {
    return undefined; // not a PDF we can read: print as if there were none
  }
}

async function blockedWarnings(file: string, urls: string[], allowRemote: boolean): Promise<Diagnostic[]> {
  if (urls.length === 0) return [];
  const source = await readFile(file, 'utf8').catch(() => '');
  return urls.sort().map((url) => {
    const shown = url.replace(/^https:\/\/guide\.studyguide\.invalid\//, '');
    const remote = /^https?:\/\//.test(shown);
    const offset = source.indexOf(shown);
    const d: Diagnostic = {
      severity: 'warning',
      file,
      rule: remote ? 'remote-refused' : 'file-refused',
      message: remote
        ? allowRemote
          ? `could not fetch "${shown}" (too large, too slow or not found); it is left out`
          : `remote content "${shown}" is not fetched; it is left out (use --allow-remote to fetch it)`
        : `"${shown}" is not in the guide's folder (or is not an image, font or stylesheet); it is left out`,
    };
    if (offset >= 0) d.position = positionAt(source, offset);
    return d;
  });
}

/**
 * Page count for progress lines: from the page tree where the direct reader can read the file,
 * else by counting the `/Type /Page` objects (one per page in the files Chrome and pdf-lib write).
 */
function countPages(pdf: Uint8Array): number | undefined {
  const counted = pageCount(pdf);
  if (counted !== undefined) return counted || undefined;
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const n = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length;
  return n || undefined;
}
