/** Headings and bookmark titles, as text (no PDF library: see src/pdf/outline.ts and src/pdf/finish.ts). */

/** The text of every h1–h6 in an HTML page (tags removed, entities decoded, white space folded). */
export function headingTexts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi)) {
    const text = decodeEntities((m[2] ?? '').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out;
}

/**
 * For bookmark titles: the heading a title stands for when it is, ignoring white space, a
 * heading written once or twice and differs from it; otherwise undefined (leave it alone).
 */
export function titleRepairer(headings: readonly string[]): (title: string) => string | undefined {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const byShape = new Map<string, string>();
  for (const h of headings) {
    if (!byShape.has(squash(h))) byShape.set(squash(h), h);
    if (!byShape.has(squash(h + h))) byShape.set(squash(h + h), h);
  }
  return (title) => {
    const heading = byShape.get(squash(title));
    return heading !== undefined && heading !== title ? heading : undefined;
  };
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}
