/**
 * The pages of a PDF's named destinations, read without parsing the whole file. Each print
 * of a document with page numbers (src/pagerefs.ts) and each rebuild (the last build's pages)
 * needs only this: the catalog, the page tree and the destinations, a few dozen objects of
 * the thousands in a tagged PDF. They are found through the cross-reference table, so this
 * takes a millisecond or two where pdf-lib's full parse takes tens.
 *
 * It reads the classic cross-reference tables that Chrome and pdf-lib write (following
 * `/Prev` for updated files). For anything else (cross-reference streams, objects in object
 * streams, a damaged file) it returns undefined, and the caller parses the file in full.
 */

type PdfValue = number | boolean | null | string | Name | Ref | PdfValue[] | Dict;
class Name {
  constructor(readonly name: string) {}
}
class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
type Dict = Map<string, PdfValue>;

/** Page (1-based) of each named destination, or undefined when the file needs a full parser. */
export function readDestinations(bytes: Uint8Array): Map<string, number> | undefined {
  try {
    return new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')).destinations();
  } catch {
    return undefined;
  }
}

class Unsupported extends Error {}

class Reader {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfValue>();
  private root: Ref | undefined;

  constructor(private readonly text: string) {
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
    if (!start) throw new Unsupported('no startxref');
    const seen = new Set<number>();
    for (let at: number | undefined = Number(start[1]); at !== undefined; ) {
      if (seen.has(at) || seen.size > 64) throw new Unsupported('xref loop');
      seen.add(at);
      at = this.readXref(at);
    }
    if (!this.root) throw new Unsupported('no /Root');
  }

  /** Reads one cross-reference section and its trailer; returns the previous section's offset. */
  private readXref(at: number): number | undefined {
    const head = /xref\s*/y;
    head.lastIndex = at;
    if (!head.test(this.text)) throw new Unsupported('not a classic xref table');
    let pos = head.lastIndex;
    const sub = /(\d+)\s+(\d+)\s*/y;
    for (;;) {
      sub.lastIndex = pos;
      const m = sub.exec(this.text);
      if (!m) break;
      const first = Number(m[1]);
      const count = Number(m[2]);
      pos = sub.lastIndex;
      const entry = /(\d{10}) (\d{5}) ([nf])\s*/y;
      for (let i = 0; i < count; i++) {
        entry.lastIndex = pos;
        const e = entry.exec(this.text);
        if (!e) throw new Unsupported('bad xref entry');
        pos = entry.lastIndex;
        // The newest section is read first: an entry already known is not replaced.
        if (e[3] === 'n' && !this.offsets.has(first + i)) this.offsets.set(first + i, Number(e[1]));
      }
    }
    const trailer = /trailer\s*/y;
    trailer.lastIndex = pos;
    if (!trailer.test(this.text)) throw new Unsupported('no trailer');
    const dict = new Parser(this.text, trailer.lastIndex).value();
    if (!(dict instanceof Map)) throw new Unsupported('bad trailer');
    const root = dict.get('Root');
    if (!this.root && root instanceof Ref) this.root = root;
    const prev = dict.get('Prev');
    return typeof prev === 'number' ? prev : undefined;
  }

  private object(ref: Ref): PdfValue {
    const cached = this.cache.get(ref.num);
    if (cached !== undefined) return cached;
    const at = this.offsets.get(ref.num);
    if (at === undefined) throw new Unsupported(`object ${ref.num} not in a classic xref table`);
    const head = /(\d+)\s+(\d+)\s+obj\b/y;
    head.lastIndex = at;
    const m = head.exec(this.text);
    if (!m || Number(m[1]) !== ref.num) throw new Unsupported(`object ${ref.num} not where the xref says`);
    const value = new Parser(this.text, head.lastIndex).value();
    this.cache.set(ref.num, value);
    return value;
  }

  private resolve(v: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (depth > 16) throw new Unsupported('reference chain');
    return v instanceof Ref ? this.resolve(this.object(v), depth + 1) : v;
  }

  private dict(v: PdfValue | undefined): Dict | undefined {
    const r = this.resolve(v);
    return r instanceof Map ? r : undefined;
  }

  destinations(): Map<string, number> {
    const catalog = this.dict(this.root);
    if (!catalog) throw new Unsupported('no catalog');
    const pages = new Map<string, number>();
    this.collectPages(catalog.get('Pages'), pages, 0);
    const out = new Map<string, number>();
    const add = (name: string, dest: PdfValue | undefined) => {
      let d = this.resolve(dest);
      if (d instanceof Map) d = this.resolve(d.get('D'));
      const page = Array.isArray(d) ? d[0] : undefined;
      const index = page instanceof Ref ? pages.get(`${page.num} ${page.gen}`) : undefined;
      if (index !== undefined && !out.has(name)) out.set(name, index);
    };
    for (const [name, dest] of this.dict(catalog.get('Dests')) ?? []) add(name, dest);
    const tree = this.dict(this.dict(catalog.get('Names'))?.get('Dests'));
    if (tree) this.walkNames(tree, add, 0);
    return out;
  }

  private collectPages(node: PdfValue | undefined, pages: Map<string, number>, depth: number): void {
    if (depth > 32) throw new Unsupported('page tree too deep');
    const ref = node instanceof Ref ? node : undefined;
    const dict = this.dict(node);
    if (!dict) return;
    const kids = this.resolve(dict.get('Kids'));
    if (Array.isArray(kids)) {
      for (const kid of kids) this.collectPages(kid, pages, depth + 1);
    } else if (ref) {
      pages.set(`${ref.num} ${ref.gen}`, pages.size + 1);
    }
  }

  private walkNames(node: Dict, add: (name: string, dest: PdfValue | undefined) => void, depth: number): void {
    if (depth > 32) return;
    const names = this.resolve(node.get('Names'));
    if (Array.isArray(names)) {
      for (let i = 0; i + 1 < names.length; i += 2) {
        const key = names[i];
        if (typeof key === 'string') add(key, names[i + 1]);
      }
    }
    const kids = this.resolve(node.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) {
      const d = this.dict(kid);
      if (d) this.walkNames(d, add, depth + 1);
    }
  }
}

/** A parser for the PDF object syntax, without streams (the objects read here have none). */
class Parser {
  constructor(
    private readonly text: string,
    private pos: number,
  ) {}

  value(): PdfValue {
    this.skip();
    const c = this.text[this.pos];
    if (c === '<' && this.text[this.pos + 1] === '<') return this.dictionary();
    if (c === '<') return this.hexString();
    if (c === '[') return this.array();
    if (c === '(') return this.literalString();
    if (c === '/') return new Name(this.name());
    const word = /[+-]?(?:\d+\.?\d*|\.\d+)|true|false|null/y;
    word.lastIndex = this.pos;
    const m = word.exec(this.text);
    if (!m) throw new Unsupported(`unexpected "${c ?? 'end of file'}" at ${this.pos}`);
    this.pos = word.lastIndex;
    if (m[0] === 'true' || m[0] === 'false') return m[0] === 'true';
    if (m[0] === 'null') return null;
    const n = Number(m[0]);
    // "12 0 R" is a reference.
    const ref = /\s+(\d+)\s+R(?![A-Za-z])/y;
    ref.lastIndex = this.pos;
    const r = Number.isInteger(n) ? ref.exec(this.text) : null;
    if (r) {
      this.pos = ref.lastIndex;
      return new Ref(n, Number(r[1]));
    }
    return n;
  }

  private skip(): void {
    const space = /(?:[\0\t\n\f\r ]+|%[^\r\n]*)*/y;
    space.lastIndex = this.pos;
    space.exec(this.text);
    this.pos = space.lastIndex;
  }

  private dictionary(): Dict {
    this.pos += 2;
    const out: Dict = new Map();
    for (let guard = 0; guard < 100_000; guard++) {
      this.skip();
      if (this.text.startsWith('>>', this.pos)) {
        this.pos += 2;
        return out;
      }
      if (this.text[this.pos] !== '/') throw new Unsupported(`bad dictionary key at ${this.pos}`);
      const key = this.name();
      out.set(key, this.value());
    }
    throw new Unsupported('dictionary too long');
  }

  private array(): PdfValue[] {
    this.pos += 1;
    const out: PdfValue[] = [];
    for (let guard = 0; guard < 1_000_000; guard++) {
      this.skip();
      if (this.text[this.pos] === ']') {
        this.pos += 1;
        return out;
      }
      out.push(this.value());
    }
    throw new Unsupported('array too long');
  }

  /** A name, with `#xx` escapes decoded and its bytes read as UTF-8. */
  private name(): string {
    const m = /\/([^\0\t\n\f\r ()<>[\]{}/%]*)/y;
    m.lastIndex = this.pos;
    const found = m.exec(this.text);
    if (!found) throw new Unsupported('bad name');
    this.pos = m.lastIndex;
    const raw = (found[1] ?? '').replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(raw, 'latin1').toString('utf8');
  }

  private hexString(): string {
    const end = this.text.indexOf('>', this.pos);
    if (end < 0) throw new Unsupported('unterminated hex string');
    const hex = this.text.slice(this.pos + 1, end).replace(/[^0-9A-Fa-f]/g, '');
    this.pos = end + 1;
    return decodeText(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
  }

  private literalString(): string {
    let depth = 0;
    const bytes: number[] = [];
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    for (let i = this.pos; i < this.text.length; i++) {
      const c = this.text[i] as string;
      if (c === '\\') {
        const next = this.text[i + 1] ?? '';
        const octal = /^[0-7]{1,3}/.exec(this.text.slice(i + 1, i + 4));
        if (octal) {
          bytes.push(parseInt(octal[0], 8) & 0xff);
          i += octal[0].length;
        } else if (next === '\r' || next === '\n') {
          i += next === '\r' && this.text[i + 2] === '\n' ? 2 : 1;
        } else {
          bytes.push(escapes[next] ?? next.charCodeAt(0));
          i += 1;
        }
        continue;
      }
      if (c === '(') depth += 1;
      if (c === ')') depth -= 1;
      if (depth === 0) {
        this.pos = i + 1;
        return decodeText(Buffer.from(bytes.slice(1)));
      }
      bytes.push(c.charCodeAt(0));
    }
    throw new Unsupported('unterminated string');
  }
}

/** PDF text strings: UTF-16BE with a byte-order mark, UTF-8 with one, else PDFDocEncoding (read as Latin-1). */
function decodeText(b: Buffer): string {
  if (b[0] === 0xfe && b[1] === 0xff) return b.subarray(2).swap16().toString('utf16le');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  return b.toString('latin1');
}
