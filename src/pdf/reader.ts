/**
 * A small reader (and writer) for the PDF object syntax, enough to work on the few objects
 * studyguide touches in a printed PDF (the catalog, the page tree, named destinations, the
 * outline, the document information) without parsing the thousands of others: objects are
 * found through the classic cross-reference table that Chrome and pdf-lib write. It works on
 * the file's bytes and decodes only the parts it reads: decoding a whole 200 kB PDF to text
 * takes about a millisecond, and a build used to do that six times per PDF. Anything else
 * (cross-reference streams, objects in object streams, a damaged file) is refused with
 * `Unsupported`, and callers fall back to pdf-lib's full parser.
 */

export class Name {
  constructor(readonly name: string) {}
}
export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A string as its bytes (Latin-1 code units), and whether it was written in hex. */
export class PdfString {
  constructor(
    readonly raw: string,
    readonly hex = false,
  ) {}
  /** A text string: UTF-16BE with a byte-order mark, UTF-8 with one, else PDFDocEncoding (read as Latin-1). */
  text(): string {
    const b = Buffer.from(this.raw, 'latin1');
    if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
    return this.raw;
  }
  /** A text string as UTF-16BE with a byte-order mark, written in hex. */
  static fromText(text: string): PdfString {
    return new PdfString(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]).toString('latin1'), true);
  }
}
export type PdfValue = number | boolean | null | PdfString | Name | Ref | PdfValue[] | Dict;
export type Dict = Map<string, PdfValue>;

export class Unsupported extends Error {}

export class Reader {
  /** The file's bytes; only the few parts read are decoded to text (Latin-1, byte for byte). */
  readonly bytes: Buffer;
  /** Byte offset of each object, by number (generation 0 only). */
  readonly offsets = new Map<number, number>();
  readonly trailer: Dict;
  /** Offset of the (last) cross-reference table. */
  readonly xrefOffset: number;
  /** Whether the file has more than one cross-reference section (it was updated). */
  readonly updated: boolean;
  private readonly cache = new Map<number, PdfValue>();

  /** A file as bytes (or, for tests, as Latin-1 text). */
  constructor(source: Uint8Array | string) {
    this.bytes = typeof source === 'string' ? Buffer.from(source, 'latin1') : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.slice(Math.max(0, this.bytes.length - 1024), this.bytes.length));
    if (!start) throw new Unsupported('no startxref');
    this.xrefOffset = Number(start[1]);
    const seen = new Set<number>();
    let trailer: Dict | undefined;
    for (let at: number | undefined = this.xrefOffset; at !== undefined; ) {
      if (seen.has(at) || seen.size > 64) throw new Unsupported('xref loop');
      seen.add(at);
      const section = this.readXref(at);
      trailer ??= section.trailer;
      at = section.prev;
    }
    this.updated = seen.size > 1;
    if (!trailer || !(trailer.get('Root') instanceof Ref)) throw new Unsupported('no /Root');
    this.trailer = trailer;
  }

  get root(): Ref {
    return this.trailer.get('Root') as Ref;
  }

  /** Bytes `start` to `end` as text, one character per byte. */
  slice(start: number, end: number): string {
    return this.bytes.toString('latin1', start, end);
  }

  /**
   * Reads one cross-reference section and its trailer. The table's rows are read from the
   * bytes (each is `nnnnnnnnnn ggggg n` and an end of line); only the trailer is decoded.
   */
  private readXref(at: number): { trailer: Dict; prev: number | undefined } {
    const b = this.bytes;
    if (!(at >= 0 && at < b.length)) throw new Unsupported('startxref outside the file');
    const head = /xref\s*/y;
    if (!head.test(this.slice(at, at + 64))) throw new Unsupported('not a classic xref table');
    let pos = at + head.lastIndex;
    const sub = /(\d+)\s+(\d+)\s*/y;
    for (;;) {
      const line = this.slice(pos, pos + 64);
      const m = sub.exec(line);
      sub.lastIndex = 0;
      // A subsection header that runs to the end of the window is not one this reader knows.
      if (!m || m[0].length === line.length) break;
      const first = Number(m[1]);
      const count = Number(m[2]);
      pos += m[0].length;
      for (let i = 0; i < count; i++) {
        const offset = digits(b, pos, 10);
        const generation = digits(b, pos + 11, 5);
        const kind = b[pos + 17];
        if (offset === undefined || generation === undefined || b[pos + 10] !== 0x20 || b[pos + 16] !== 0x20 || (kind !== 0x6e && kind !== 0x66)) throw new Unsupported('bad xref entry');
        pos += 18;
        while (pos < b.length && isSpace(b[pos])) pos++;
        if (kind === 0x6e && generation !== 0) throw new Unsupported('object generations are not supported');
        // The newest section is read first: an entry already known is not replaced.
        if (kind === 0x6e && !this.offsets.has(first + i)) this.offsets.set(first + i, offset);
      }
    }
    const text = this.slice(pos, b.length);
    const trailer = /trailer\s*/y;
    if (!trailer.test(text)) throw new Unsupported('no trailer');
    const dict = new Parser(text, trailer.lastIndex).value();
    if (!(dict instanceof Map)) throw new Unsupported('bad trailer');
    const prev = dict.get('Prev');
    return { trailer: dict, prev: typeof prev === 'number' ? prev : undefined };
  }

  object(ref: Ref): PdfValue {
    const cached = this.cache.get(ref.num);
    if (cached !== undefined) return cached;
    const at = this.offsets.get(ref.num);
    if (at === undefined) throw new Unsupported(`object ${ref.num} not in a classic xref table`);
    // Only the start of the file from the object on is decoded: a few kilobytes, and more only
    // when the object does not end (`endobj`, or a stream's start) within them.
    for (let window = 4096; ; window *= 16) {
      const whole = at + window >= this.bytes.length;
      const text = this.slice(at, whole ? this.bytes.length : at + window);
      const head = /(\d+)\s+(\d+)\s+obj\b/y;
      const m = head.exec(text);
      if (!m || Number(m[1]) !== ref.num) {
        if (whole) throw new Unsupported(`object ${ref.num} not where the xref says`);
        continue;
      }
      const parser = new Parser(text, head.lastIndex);
      let value: PdfValue;
      try {
        value = parser.value();
      } catch (e) {
        if (whole) throw e;
        continue;
      }
      if (parser.atStream()) throw new Unsupported(`object ${ref.num} is a stream`);
      if (!whole && !parser.atEndObj()) continue;
      this.cache.set(ref.num, value);
      return value;
    }
  }

  resolve(v: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (depth > 16) throw new Unsupported('reference chain');
    return v instanceof Ref ? this.resolve(this.object(v), depth + 1) : v;
  }

  dict(v: PdfValue | undefined): Dict | undefined {
    const r = this.resolve(v);
    return r instanceof Map ? r : undefined;
  }
}

/** The number written with `count` decimal digits at `at`, or undefined if they are not all digits. */
function digits(b: Buffer, at: number, count: number): number | undefined {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = b[i];
    if (c === undefined || !isDigit(c)) return undefined;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/** Whether a byte is a decimal digit. */
export const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;

/** What `\s` matches in text decoded as Latin-1: tab to carriage return, space and no-break space. */
const isSpace = (c: number | undefined) => c !== undefined && ((c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0);

/** A parser for the PDF object syntax, without stream contents. */
export class Parser {
  constructor(
    private readonly text: string,
    private pos: number,
  ) {}

  /** Whether a stream's data follows the value just read. */
  atStream(): boolean {
    this.skip();
    return this.text.startsWith('stream', this.pos);
  }

  /** Whether `endobj` follows the value just read. */
  atEndObj(): boolean {
    this.skip();
    return this.text.startsWith('endobj', this.pos);
  }

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
    const r = /^\d+$/.test(m[0]) ? ref.exec(this.text) : null;
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

  private hexString(): PdfString {
    const end = this.text.indexOf('>', this.pos);
    if (end < 0) throw new Unsupported('unterminated hex string');
    const hex = this.text.slice(this.pos + 1, end).replace(/[^0-9A-Fa-f]/g, '');
    this.pos = end + 1;
    return new PdfString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'), true);
  }

  private literalString(): PdfString {
    let depth = 0;
    let out = '';
    const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    for (let i = this.pos; i < this.text.length; i++) {
      const c = this.text[i] as string;
      if (c === '\\') {
        const next = this.text[i + 1] ?? '';
        const octal = /^[0-7]{1,3}/.exec(this.text.slice(i + 1, i + 4));
        if (octal) {
          out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
          i += octal[0].length;
        } else if (next === '\r' || next === '\n') {
          i += next === '\r' && this.text[i + 2] === '\n' ? 2 : 1;
        } else {
          out += escapes[next] ?? next;
          i += 1;
        }
        continue;
      }
      if (c === '(') depth += 1;
      if (c === ')') depth -= 1;
      if (depth === 0) {
        this.pos = i + 1;
        return new PdfString(out.slice(1));
      }
      out += c;
    }
    throw new Unsupported('unterminated string');
  }
}

/** Writes a value in PDF syntax. */
export function serialize(v: PdfValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(6).replace(/\.?0+$/, '');
  if (v instanceof Name) return `/${escapeName(v.name)}`;
  if (v instanceof Ref) return `${v.num} ${v.gen} R`;
  if (v instanceof PdfString) return v.hex ? `<${Buffer.from(v.raw, 'latin1').toString('hex').toUpperCase()}>` : `(${v.raw.replace(/[\\()]/g, '\\$&').replace(/\r/g, '\\r').replace(/\n/g, '\\n')})`;
  if (Array.isArray(v)) return `[${v.map(serialize).join(' ')}]`;
  return `<<${[...v].map(([k, value]) => `/${escapeName(k)} ${serialize(value)}`).join(' ')}>>`;
}

function escapeName(name: string): string {
  return [...Buffer.from(name, 'utf8')].map((b) => (b > 0x20 && b < 0x7f && !'#()<>[]{}/%'.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
}
