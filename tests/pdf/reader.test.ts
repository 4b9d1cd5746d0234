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
});
