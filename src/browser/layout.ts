/**
 * An estimate of the page each link target will be printed on, made from the screen layout
 * without printing: the document is flowed into columns the size of a page's content area
 * (CSS multi-column layout, which Chrome breaks with the same fragmentation engine and the
 * same rules — `break-*`, orphans, widows, repeated table headers — as a print), and each
 * target's page is the column its first box lands in.
 *
 * It is only a guess, checked against the print it saves (src/pagerefs.ts): when a target
 * lands elsewhere, the document is printed again with the pages the print found. So the
 * estimate gives up, returning null, whenever a stylesheet does something columns cannot
 * copy: page margins or sizes that differ from page to page (`:first`, `:left`, named pages),
 * sizes it cannot read, or a left/right break that may add a blank page.
 *
 * `estimatePagesInPage` runs inside the page (Puppeteer sends its source text), so it uses
 * nothing from outside its own body.
 */

/** The page size each paper name gives when the stylesheet does not set one, in millimetres. */
export const paperSizes = { a4: [210, 297], letter: [215.9, 279.4] } as const;

export interface LayoutEstimate {
  /** Page of each link target by element id (1 = the first page). */
  pages: Record<string, number>;
  /** Pages the document would have. */
  pageCount: number;
}

export async function estimatePagesInPage(defaultSize: readonly [number, number]): Promise<LayoutEstimate | null> {
  await document.fonts.ready;
  // The document may be printed as it is afterwards (Printer.estimateAndPrint): every style
  // changed here is put back, and the probe element removed, however this ends.
  const saved = new Map<Element, string | null>();
  const edit = (el: Element): CSSStyleDeclaration => {
    if (!saved.has(el)) saved.set(el, el.getAttribute('style'));
    return (el as HTMLElement).style;
  };
  const probe = document.createElement('div');
  try {
    return estimate();
  } finally {
    probe.remove();
    for (const [el, style] of saved) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  }

  function estimate(): LayoutEstimate | null {
    const root = document.documentElement;
    const body = document.body;
    // ---- Page size and margins from the @page rules (the last declaration wins, as in print).
    let size = 'auto';
    const margin: Record<'top' | 'right' | 'bottom' | 'left', string> = { top: '', right: '', bottom: '', left: '' };
    const pageRules: CSSPageRule[] = [];
    const collect = (rules: CSSRuleList): boolean => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSPageRule) pageRules.push(rule);
        else if (rule instanceof CSSImportRule) {
          try {
            if (rule.styleSheet && !collect(rule.styleSheet.cssRules)) return false;
          } catch {
            return false;
          }
        } else if (rule instanceof CSSGroupingRule) {
          // The page emulates print media (src/browser/printer.ts), so this is the print's answer.
          if (rule instanceof CSSMediaRule && !window.matchMedia(rule.conditionText).matches) continue;
          if (rule instanceof CSSSupportsRule && !CSS.supports(rule.conditionText)) continue;
          if (!collect(rule.cssRules)) return false;
        }
      }
      return true;
    };
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        if (!collect(sheet.cssRules)) return null;
      } catch {
        return null; // a sheet whose rules cannot be read
      }
    }
    for (const rule of pageRules) {
      const s = rule.style;
      const sides = ['top', 'right', 'bottom', 'left'] as const;
      const changes = s.getPropertyValue('size') !== '' || sides.some((side) => s.getPropertyValue(`margin-${side}`) !== '');
      if (rule.selectorText.trim() !== '') {
        if (changes) return null; // :first, :left, :right or a named page with its own geometry
        continue;
      }
      if (s.getPropertyValue('size') !== '') size = s.getPropertyValue('size').trim().toLowerCase();
      for (const side of sides) if (s.getPropertyValue(`margin-${side}`) !== '') margin[side] = s.getPropertyValue(`margin-${side}`);
    }

    // ---- Lengths in CSS pixels, measured by the browser itself.
    probe.style.cssText = 'position:absolute;visibility:hidden;height:0;';
    root.appendChild(probe);
    const px = (length: string, relativeTo: number): number | null => {
      if (length.trim() === '') return 0;
      if (/%\s*$/.test(length)) return (parseFloat(length) / 100) * relativeTo;
      probe.style.width = '';
      probe.style.width = length;
      if (probe.style.width === '') return null;
      return probe.getBoundingClientRect().width;
    };
    const mm = 96 / 25.4;
    const named: Record<string, readonly [number, number]> = {
      a5: [148, 210], a4: [210, 297], a3: [297, 420], b5: [176, 250], b4: [250, 353],
      'jis-b5': [182, 257], 'jis-b4': [257, 364], letter: [215.9, 279.4], legal: [215.9, 355.6], ledger: [279.4, 431.8],
    };
    let width = defaultSize[0] * mm;
    let height = defaultSize[1] * mm;
    if (size !== 'auto') {
      const words = size.split(/\s+/).filter((w) => w !== '');
      const landscape = words.includes('landscape');
      const rest = words.filter((w) => w !== 'landscape' && w !== 'portrait');
      const paper = rest.find((w) => named[w]);
      if (paper) {
        const [w, h] = named[paper] ?? defaultSize;
        width = w * mm;
        height = h * mm;
      } else if (rest.length === 1 || rest.length === 2) {
        const w = px(rest[0] ?? '', 0);
        const h = px(rest[1] ?? rest[0] ?? '', 0);
        if (w === null || h === null || w <= 0 || h <= 0) return null;
        width = w;
        height = h;
      } else if (rest.length > 0) return null;
      if (landscape !== width > height) [width, height] = [height, width];
    }
    const top = px(margin.top, width);
    const right = px(margin.right, width);
    const bottom = px(margin.bottom, width);
    const left = px(margin.left, width);
    probe.remove();
    if (top === null || right === null || bottom === null || left === null) return null;
    const columnWidth = width - left - right;
    const columnHeight = height - top - bottom;
    if (columnWidth <= 0 || columnHeight <= 0) return null;

    // ---- Page breaks become column breaks. A left/right break may add a blank page, a named
    // page may have its own size, and columns do not run top to bottom in vertical text: give up.
    if (!getComputedStyle(body).writingMode.startsWith('horizontal')) return null;
    for (const el of Array.from(body.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      const page = style.getPropertyValue('page');
      if (page !== '' && page !== 'auto') return null;
      for (const property of ['break-before', 'break-after'] as const) {
        const value = style.getPropertyValue(property);
        if (value === 'left' || value === 'right' || value === 'recto' || value === 'verso') return null;
        if (value === 'page' || value === 'always') edit(el).setProperty(property, 'column');
      }
      if (style.getPropertyValue('break-inside') === 'avoid-page') edit(el).setProperty('break-inside', 'avoid');
    }

    // ---- The body flows into page-sized columns laid side by side.
    const bodyStyle = getComputedStyle(body);
    if (['margin-top', 'margin-bottom', 'padding-top', 'padding-bottom', 'border-top-width', 'border-bottom-width'].some((p) => parseFloat(bodyStyle.getPropertyValue(p)) !== 0)) return null;
    edit(root).setProperty('width', `${columnWidth}px`);
    edit(root).setProperty('margin', '0');
    edit(root).setProperty('padding', '0');
    edit(body).setProperty('width', `${columnWidth}px`, 'important');
    edit(body).setProperty('height', `${columnHeight}px`, 'important');
    edit(body).setProperty('column-width', `${columnWidth}px`, 'important');
    edit(body).setProperty('column-gap', '0', 'important');
    edit(body).setProperty('column-fill', 'auto', 'important');
    edit(body).setProperty('overflow', 'visible', 'important');
    edit(body).setProperty('box-sizing', 'content-box', 'important');

    const rtl = bodyStyle.direction === 'rtl';
    const origin = body.getBoundingClientRect();
    const pageOf = (rect: DOMRect): number => {
      const offset = rtl ? origin.right - rect.right : rect.left - origin.left;
      return Math.max(0, Math.floor((offset + 1) / columnWidth)) + 1;
    };
    const pages: Record<string, number> = {};
    for (const link of Array.from(document.querySelectorAll('a[href^="#"]'))) {
      const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
      if (id === '' || id in pages) continue;
      const target = document.getElementById(id);
      const first = target?.getClientRects()[0];
      if (first) pages[id] = pageOf(first);
    }
    let pageCount = 1;
    for (const el of Array.from(body.children)) for (const rect of Array.from(el.getClientRects())) pageCount = Math.max(pageCount, pageOf(rect));
    return { pages, pageCount };
  }
}
