/**
 * Placeholders for page numbers that can be found again. A first build renders the document
 * with each page number as `<!--page:section-2-->0<!--/page-->`, loads it to estimate its pages
 * (src/browser/layout.ts), and then fills the numbers into that loaded document instead of
 * loading it a second time with them (about a quarter of a first print's work in Chrome). That
 * is done only when filling the placeholders gives exactly the HTML rendered with the numbers
 * (`fillPageNumbers`), whatever a custom template does with them; the document in the page is
 * then the same as that HTML loaded, down to its text nodes, so the PDF has the same bytes.
 */
import Handlebars from 'handlebars';

const plainId = /^[A-Za-z0-9_-]+$/;

/** A page number not known yet, as the templates print it (ids are plain: section-2, notes). */
export function pageNumberPlaceholder(id: string): Handlebars.SafeString | string {
  return plainId.test(id) ? new Handlebars.SafeString(`<!--page:${id}-->0<!--/page-->`) : '0';
}

const placeholder = /<!--page:([A-Za-z0-9_-]+)-->0<!--\/page-->/g;

/** The placeholders of an HTML document replaced by pages (a page not found prints nothing, as in the templates), and how many there were. */
export function fillPageNumbers(html: string, pages: ReadonlyMap<string, number>): { html: string; count: number } {
  let count = 0;
  const filled = html.replace(placeholder, (_whole, id: string) => {
    count += 1;
    return pages.get(id)?.toString() ?? '';
  });
  return { html: filled, count };
}

/**
 * The same in a loaded document, ending with the text nodes the HTML with the numbers would
 * have given (run in the page by `page.evaluate`; the page's own JavaScript stays off). Returns
 * how many it filled: fewer than in the HTML means some were not comments in the document
 * (inside an attribute or a title), and the document must be loaded with the numbers instead.
 */
export function fillPageNumbersInPage(pages: Record<string, number>): number {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  const marks: Comment[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Comment).data.startsWith('page:')) marks.push(node as Comment);
  const parents = new Set<Node>();
  let filled = 0;
  for (const mark of marks) {
    const text = mark.nextSibling;
    const end = text?.nextSibling;
    if (!mark.parentNode || text?.nodeType !== Node.TEXT_NODE || end?.nodeType !== Node.COMMENT_NODE || (end as Comment).data !== '/page') continue;
    parents.add(mark.parentNode);
    const page = pages[mark.data.slice('page:'.length)];
    if (page === undefined) text.remove();
    else text.textContent = String(page);
    mark.remove();
    end.remove();
    filled += 1;
  }
  for (const parent of parents) parent.normalize();
  return filled;
}

/** What a first print with estimated pages prints (`Printer.estimateAndPrint`). */
export interface Filled {
  /** The HTML printed: the document rendered with the estimated pages. */
  html: string;
  pages: ReadonlyMap<string, number>;
  /**
   * How many placeholders to fill in the loaded document, when filling them gives exactly
   * `html`; false to load `html` instead.
   */
  inPlace: number | false;
}

/** The document with `pages`: `render` gives its HTML, which is filled in place when the placeholders of `html` allow it. */
export function withEstimatedPages(html: string, pages: ReadonlyMap<string, number>, render: (pages: ReadonlyMap<string, number>) => string): Filled {
  const final = render(pages);
  const filled = fillPageNumbers(html, pages);
  return { html: final, pages, inPlace: filled.html === final && filled.count };
}
