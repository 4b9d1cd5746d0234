/**
 * The small PDF object reader and writer (src/pdf/reader.ts): the syntax it meets in Chrome's and
 * pdf-lib's output, written back the same, and refusals (never a wrong answer) for the rest.
 */
import { describe, expect, it } from 'vitest';
import { Name, Parser, PdfString, Reader, Ref, serialize, Unsupported, type PdfValue } from '../../src/pdf/reader.js';

const parse = (text: string): PdfValue => new Parser(text, 0).value();

describe('PDF objects', () => {
  it('reads dictionaries, arrays, names, numbers, references and both kinds of string', () => {
    const v = parse('<< /Type /Catalog /Pages 2 0 R /Count -3 /Box [0 0 594.96 841.92] /T (a \\(b\\) \\101\\\\) /H <FEFF00E9> /N /caf#C3#A9 /B true /Z null >>');
    expect(v).toBeInstanceOf(Map);
    const d = v as Map<string, PdfValue>;
    expect((d.get('Type') as Name).name).toBe('Catalog');
    expect(d.get('Pages')).toEqual(new Ref(2, 0));
    expect(d.get('Count')).toBe(-3);
    expect(d.get('Box')).toEqual([0, 0, 594.96, 841.92]);
    expect((d.get('T') as PdfString).text()).toBe('a (b) A\\');
    expect((d.get('H') as PdfString).text()).toBe('é');
    expect((d.get('N') as Name).name).toBe('café');
    expect(d.get('B')).toBe(true);
    expect(d.get('Z')).toBeNull();
  });

  it('writes values back so that they read the same', () => {
    const values: PdfValue[] = [
      new Map<string, PdfValue>([['Title', PdfString.fromText('Überblick «1954»')], ['Dest', [new Ref(12, 0), new Name('XYZ'), 0, 841.92, null]], ['Lang', new PdfString('en')], ['Odd name', new Name('a/b c')]]),
      [1, -2.5, 0.000001, new PdfString('(paren) \\ back\nline')],
    ];
    for (const v of values) expect(parse(serialize(v))).toEqual(v);
    expect(serialize(0.1 + 0.2)).toBe('0.3');
  });

  it('refuses what it does not read: cross-reference streams, damaged files, generations', () => {
    expect(() => new Reader('%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF')).toThrow(Unsupported);
    expect(() => new Reader('not a pdf')).toThrow(Unsupported);
    const file = (generation: number) => {
      const head = '%PDF-1.4\n1 0 obj\n<</Type /Catalog>>\nendobj\n';
      return `${head}xref\n0 2\n0000000000 65535 f \n0000000009 ${String(generation).padStart(5, '0')} n \ntrailer\n<</Size 2 /Root 1 ${generation} R>>\nstartxref\n${head.length}\n%%EOF`;
    };
    expect(() => new Reader(file(1))).toThrow(Unsupported);
    expect((new Reader(file(0)).dict(new Ref(1, 0))?.get('Type') as Name).name).toBe('Catalog');
  });

  it('reads objects longer than the part of the file it decodes first, and files without endobj', () => {
    // A destinations dictionary of some 40 kB: more than the first window the reader decodes.
    const names = Array.from({ length: 1500 }, (_, i) => `/target-${i} [3 0 R /XYZ 0 ${i} 0]`).join('\n');
    // A number after a long comment, cut by the end of that window: read whole all the same.
    const cut = `%${'x'.repeat(4096 - '4 0 obj\n%'.length - 1 - 4)}\n123456789`;
    const objects = ['<</Type /Catalog /Dests 2 0 R>>', `<<${names}>>`, '<</Type /Page>>', cut];
    const build = (end: string) => {
      let body = '%PDF-1.4\n';
      const at: number[] = [];
      objects.forEach((o, i) => {
        at.push(body.length);
        body += `${i + 1} 0 obj\n${o}\n${end}`;
      });
      const rows = at.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
      return `${body}xref\n0 5\n0000000000 65535 f \n${rows}trailer\n<</Size 5 /Root 1 0 R>>\nstartxref\n${body.length}\n%%EOF\n`;
    };
    for (const end of ['endobj\n', '']) {
      const r = new Reader(Buffer.from(build(end), 'latin1'));
      const dests = r.dict(r.dict(r.root)?.get('Dests'));
      expect(dests?.size).toBe(1500);
      expect(dests?.get('target-1499')).toEqual([new Ref(3, 0), new Name('XYZ'), 0, 1499, 0]);
      expect((r.dict(new Ref(3, 0))?.get('Type') as Name).name).toBe('Page');
      expect(r.object(new Ref(4, 0))).toBe(123456789);
    }
  });
});

