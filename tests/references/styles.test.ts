import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/citations.js';
import { Reporter } from '../../src/diagnostics.js';
import { formatCitations, formatEditionCitations, loadCsl } from '../../src/references/format.js';
import { parseLibrary } from '../../src/references/index.js';
import { builtinStyleXml, cslLocale } from '../../src/references/csl-engine.js';
import { builtinStyles, isOrderFree, resolveStyle } from '../../src/references/styles.js';
import { tempDir } from '../helpers/tmp.js';

// Citations are formatted here without the build, which loads the CSL processor itself.
beforeAll(loadCsl);

const library = parseLibrary(
  '/g/refs.yaml',
  [
    '- id: kramer2009',
    '  type: article-journal',
    '  title: The Myth of a No-NATO-Enlargement Pledge to Russia',
    '  author: [{family: Kramer, given: Mark}]',
    '  container-title: The Washington Quarterly',
    '  volume: 32',
    '  issue: 2',
    '  page: 39-61',
    '  issued: {date-parts: [[2009, 4]]}',
    '- id: sarotte2021',
    '  type: book',
    '  title: "Not One Inch: America, Russia, and the Making of Post-Cold War Stalemate"',
    '  author: [{family: Sarotte, given: M. E.}]',
    '  publisher: Yale University Press',
    '  publisher-place: New Haven',
    '  issued: {date-parts: [[2021]]}',
  ].join('\n'),
  new Reporter('/g/refs.yaml'),
);

function cluster(id: number, key: string, extra: Partial<Cluster['items'][number]> = {}, narrative = false): Cluster {
  return { id, items: [{ key, suppressAuthor: false, ...extra }], narrative, position: { line: 1, column: 1 }, section: '', teacherOnly: false, studentOnly: false };
}

const strip = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#38;/g, '&');

describe('citation styles', () => {
  const clusters = [cluster(0, 'kramer2009', { locator: '40', label: 'page' }), cluster(1, 'sarotte2021')];

  it('formats APA by default', () => {
    const out = formatCitations(library, clusters, 'en', resolveStyle(undefined, '/g'));
    expect(out.clusters.map(strip)).toEqual(['(Kramer, 2009, p. 40)', '(Sarotte, 2021)']);
    expect(strip(out.bibliography[0]?.html ?? '')).toContain('Kramer, M. (2009).');
  });

  it('formats Chicago author-date, MLA and IEEE', () => {
    expect(formatCitations(library, clusters, 'en', resolveStyle('chicago', '/g')).clusters.map(strip)).toEqual(['(Kramer 2009, 40)', '(Sarotte 2021)']);
    expect(formatCitations(library, clusters, 'en', resolveStyle('mla', '/g')).clusters.map(strip)).toEqual(['(Kramer 40)', '(Sarotte)']);
    const ieee = formatCitations(library, clusters, 'en', resolveStyle('ieee', '/g'));
    expect(ieee.clusters.map(strip)).toEqual(['[1, p. 40]', '[2]']);
    expect(strip(ieee.bibliography[0]?.html ?? '').trim()).toMatch(/^\[1\]\s*M\. Kramer/);
  });

  it('formats once for both editions where leaving out teacher citations changes nothing', () => {
    const teacherOnly = { ...cluster(1, 'sarotte2021'), teacherOnly: true };
    const all = [cluster(0, 'kramer2009'), teacherOnly, cluster(2, 'sarotte2021')];
    const styles = ['apa', 'chicago', 'mla', 'harvard', 'ieee', 'vancouver', 'chicago-notes'].map((name) => [name, resolveStyle(name, '/g')] as const);
    expect(Object.fromEntries(styles.map(([name, style]) => [name, style.orderFree]))).toEqual({ apa: true, chicago: true, mla: true, harvard: true, ieee: false, vancouver: false, 'chicago-notes': false });
    for (const [name, style] of styles) {
      const student = formatEditionCitations(library, all, 'student', 'en', style);
      const teacher = formatEditionCitations(library, all, 'teacher', 'en', style);
      // Shared (the same object, from the cache) exactly when the style is order-free.
      expect(student === teacher, name).toBe(style.orderFree);
      // Either way each edition's text is what formatting its own citations alone gives.
      const own = formatCitations(library, all.filter((c) => !c.teacherOnly), 'en', style);
      if (!style.isNote) expect(student.clusters[2], name).toBe(own.clusters[2]);
    }
    // In a note style the student edition's notes are numbered without the teacher's citation.
    const notes = formatEditionCitations(library, all, 'student', 'en', resolveStyle('chicago-notes', '/g'));
    expect(notes.notes.map((n) => n.number)).toEqual([1, 2]);
  });

  it('formats order-free styles citation by citation, disambiguated as in document order and as in the bibliography', () => {
    const twins = parseLibrary(
      '/g/refs.yaml',
      [
        ['smith2001a', 'Smith', 'John', 2001, 'Harbours'],
        ['smith2001b', 'Smith', 'John', 2001, 'Railways'],
        ['smith2001c', 'Smith', 'John', 2001, 'Canals'],
        ['smith1999', 'Smith', 'Anne', 1999, 'Treaties'],
        ['jones2005', 'Jones', 'Ria', 2005, 'Borders'],
      ]
        .map(([id, family, given, year, title]) => `- id: ${id}\n  type: book\n  title: ${title}\n  author: [{family: ${family}, given: ${given}}]\n  publisher: P\n  issued: {date-parts: [[${year}]]}`)
        .join('\n'),
      new Reporter('/g/refs.yaml'),
    );
    // smith2001c is never cited: it is still in the bibliography, so the others are "2001a" and "2001b".
    const cited = [cluster(0, 'smith2001b', { locator: '4', label: 'page' }), cluster(1, 'smith1999'), cluster(2, 'smith2001a', {}, true), cluster(3, 'jones2005'), { ...cluster(4, 'smith2001a'), items: [{ key: 'jones2005', suppressAuthor: false }, { key: 'smith2001b', suppressAuthor: false }] }];
    for (const name of ['apa', 'chicago', 'mla']) {
      const style = resolveStyle(name, '/g');
      expect(style.orderFree).toBe(true);
      const each = formatCitations(twins, cited, 'en', style);
      const bibliography = each.bibliography.map((b) => strip(b.html)).join('\n');
      if (name !== 'mla') {
        expect(bibliography, name).toMatch(/2001a/);
        expect(bibliography, name).toMatch(/2001c/);
        // Each citation's suffix is the one its entry has in the bibliography.
        for (const [key, title] of [['smith2001a', 'Harbours'], ['smith2001b', 'Railways']] as const) {
          const suffix = new RegExp(`2001([abc])[^\\n]*${title}|${title}[^\\n]*2001([abc])`).exec(bibliography);
          const letter = suffix?.[1] ?? suffix?.[2];
          const text = strip(each.clusters[key === 'smith2001a' ? 2 : 0] ?? '');
          expect(text, `${name} ${key}`).toContain(`2001${letter ?? '?'}`);
        }
      }
      // Two authors named Smith: each is told apart by an initial, as in the document-order run.
      expect(strip(each.clusters[1] ?? ''), name).toMatch(/A\.|Anne/);
      const inOrder = formatCitations(twins, cited, 'en', { ...style, orderFree: false });
      expect(each.bibliography, name).toEqual(inOrder.bibliography);
      expect(each.clusters.map(strip).map((c) => c.replace(/2001[abc]/g, '2001?')), name).toEqual(inOrder.clusters.map(strip).map((c) => c.replace(/2001[abc]?/g, '2001?')));
    }
  });

  it('gives a citation repeated the same way the same text, and one that differs in pages, prefix or form its own', () => {
    // An order-free style formats each different citation once (src/references/format.ts).
    const repeated = [
      cluster(0, 'kramer2009', { locator: '40', label: 'page' }),
      cluster(1, 'kramer2009', { locator: '41', label: 'page' }),
      cluster(2, 'kramer2009', { locator: '40', label: 'page' }),
      cluster(3, 'kramer2009', { locator: '40', label: 'page', prefix: 'see' }),
      cluster(4, 'kramer2009', { locator: '40', label: 'page' }, true),
      cluster(5, 'kramer2009'),
      cluster(6, 'kramer2009', {}, true),
      cluster(7, 'kramer2009', { suppressAuthor: true }),
    ];
    const out = formatCitations(library, repeated, 'en', resolveStyle('apa', '/g')).clusters.map(strip);
    expect(out).toEqual(['(Kramer, 2009, p. 40)', '(Kramer, 2009, p. 41)', '(Kramer, 2009, p. 40)', '(see Kramer, 2009, p. 40)', 'Kramer (2009, p. 40)', '(Kramer, 2009)', 'Kramer (2009)', '(2009)']);
  });

  it('starts each guide afresh: another guide\'s uncited entries never reach its bibliography', () => {
    // citation.js reuses one engine per style and language across guides (a batch, watch mode).
    const a = parseLibrary('/g/a.yaml', '- id: x\n  type: book\n  title: X\n  author: [{family: Smith, given: J}]\n  issued: {date-parts: [[2001]]}\n- id: unused\n  type: book\n  title: U\n  author: [{family: Jones, given: K}]\n  issued: {date-parts: [[2002]]}\n', new Reporter('/g/a.yaml'));
    const b = parseLibrary('/g/b.yaml', '- id: y\n  type: book\n  title: Y\n  author: [{family: Brown, given: L}]\n  issued: {date-parts: [[2003]]}\n', new Reporter('/g/b.yaml'));
    for (const name of ['apa', 'chicago', 'ieee', 'chicago-notes']) {
      const style = resolveStyle(name, '/g');
      expect(formatCitations(a, [cluster(0, 'x')], 'en', style).bibliography.map((e) => e.id).sort(), name).toEqual(['unused', 'x']);
      expect(formatCitations(b, [cluster(0, 'y')], 'en', style).bibliography.map((e) => e.id), name).toEqual(['y']);
    }
  });

  it('knows without loading citation.js which of its own styles are order-free', () => {
    for (const [id, flags] of Object.entries(builtinStyles)) {
      const xml = builtinStyleXml(id);
      expect(xml, id).toMatch(/<style/);
      expect(isOrderFree(xml ?? ''), id).toBe(flags.orderFree);
    }
  });

  it('puts Chicago notes in numbered notes', () => {
    const out = formatCitations(library, [...clusters, cluster(2, 'kramer2009')], 'en', resolveStyle('chicago-notes', '/g'));
    expect(out.clusters).toEqual(['<sup class="note-ref">1</sup>', '<sup class="note-ref">2</sup>', '<sup class="note-ref">3</sup>']);
    expect(out.notes.map((n) => n.number)).toEqual([1, 2, 3]);
    // Chicago's current CSL style uses short notes when a bibliography follows.
    expect(strip(out.notes[0]?.html ?? '')).toBe('Kramer, “The Myth of a No-NATO-Enlargement Pledge to Russia,” 40.');
    expect(strip(out.bibliography[0]?.html ?? '')).toContain('Kramer, Mark.');
    expect(strip(out.notes[2]?.html ?? '')).toMatch(/Kramer, “Myth|Kramer, “The Myth|Ibid/);
  });

  it('uses a teacher\'s own .csl file', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'mine.csl'),
      `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Mine</title><id>mine</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="«" suffix="»"><names variable="author"><name form="short"/></names></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>`,
    );
    const out = formatCitations(library, clusters, 'en', resolveStyle('mine.csl', dir));
    expect(out.clusters.map(strip)).toEqual(['«Kramer»', '«Sarotte»']);
    expect(() => resolveStyle('missing.csl', dir)).toThrow('citation style file "missing.csl" not found next to the guide');
    expect(() => resolveStyle('harvard-x', dir)).toThrow(/unknown citation style "harvard-x"; use one of apa, chicago/);
  });

  it('follows the guide language', () => {
    expect(cslLocale('de')).toBe('de-DE');
    expect(cslLocale('en-GB')).toBe('en-GB');
    expect(cslLocale('uk')).toBe('uk-UA');
    expect(cslLocale('zz')).toBe('en-US');
    const de = formatCitations(library, [cluster(0, 'kramer2009', { locator: '40', label: 'page' })], 'de', resolveStyle('apa', '/g'));
    expect(strip(de.clusters[0] ?? '')).toBe('(Kramer, 2009, S. 40)');
    const uk = formatCitations(library, [cluster(0, 'kramer2009', { locator: '40', label: 'page' })], 'uk', resolveStyle('chicago', '/g'));
    expect(strip(uk.clusters[0] ?? '')).toContain('Kramer 2009');
  });
});
