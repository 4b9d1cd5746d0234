import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, Reporter } from '../../src/diagnostics.js';
import { loadBibtex, loadLibrary, parseLibrary } from '../../src/references/index.js';
import { tempDir } from '../helpers/tmp.js';

// BibTeX files are parsed here without loadLibrary, which loads the reader itself.
beforeAll(loadBibtex);

function load(name: string, text: string) {
  const reporter = new Reporter(`/g/${name}`);
  const library = parseLibrary(`/g/${name}`, text, reporter);
  const all = reporter.diagnostics.map((d) => formatDiagnostic(d, '/g'));
  // Most tests here are about parsing; the completeness checks have their own tests below.
  return { library, messages: all.filter((m) => !m.includes('students cannot easily check')), all };
}

const bib = String.raw`% Zotero-style export with the things real files contain
@string{wq = "The Washington Quarterly"}
@comment{ignored}

@article{kramer2009,
  author = {Kramer, Mark and G{\"o}del, Kurt and {\O}rsted, Hans and {World Health Organization} and others},
  title = {The Myth of a No-{NATO}-Enlargement Pledge to {Russia}},
  journal = wq,
  year = {2009}, month = apr,
  volume = {32}, number = {2}, pages = {39--61},
  doi = {10.1080/01636600902773248},
  url = {\url{https://example.org/kramer}},
  reliability-type = {peer-reviewed},
  reliability-rating = {3},
  reliability-reasons = {Peer-reviewed; M{\'\i}guel agrees.},
}

@book{sarotte2021,
  author = {Sarotte, M. E.},
  title = {Not One Inch},
  publisher = {Yale University Press},
  year = 2021,
  isbn = {978-0-300-25993-3}
}
`;

describe('BibTeX', () => {
  it('reads macros, months, accents, corporate authors and our reliability fields', () => {
    const { library, messages } = load('refs.bib', bib);
    expect(messages).toEqual([]);
    const k = library.entries.get('kramer2009');
    expect(k?.csl['container-title']).toBe('The Washington Quarterly');
    expect(k?.csl.issued?.['date-parts']).toEqual([[2009, 4]]);
    expect(k?.csl.author?.map((a) => a.family ?? a.literal)).toEqual(['Kramer', 'Gödel', 'Ørsted', 'World Health Organization']);
    expect(k?.csl.title).toBe('The Myth of a No-NATO-Enlargement Pledge to Russia');
    expect(k?.csl.URL).toBe('https://example.org/kramer');
    expect(k?.assessment).toEqual({ type: 'peer-reviewed', rating: 3, reasons: 'Peer-reviewed; Míguel agrees.', corroboratedBy: [], examined: false });
    expect(k?.position).toEqual({ line: 5, column: 1 });
    expect(library.entries.get('sarotte2021')?.csl.ISBN).toBe('978-0-300-25993-3');
  });

  it('reports a duplicate key at both places', () => {
    const { messages } = load('refs.bib', '@book{a, title={One}}\n\n@book{a, title={Two}}\n');
    expect(messages).toEqual(['refs.bib:3:1: duplicate citation key "a"\nrefs.bib:1:1: note: "a" is first defined here']);
  });

  it('reports a bad rating with the entry', () => {
    const { messages } = load('refs.bib', '@book{a, title={One}, reliability-rating={5}}\n');
    expect(messages).toEqual(['refs.bib:1:1: entry "a": reliability field "rating": expected a number from 0 to 3']);
  });
});

describe('CSL-JSON and CSL-YAML', () => {
  it('reads Zotero CSL-JSON with positions', () => {
    const json = JSON.stringify([{ id: 'x', type: 'book', title: 'X', issued: { 'date-parts': [[2001]] } }, { id: 'y', type: 'webpage', title: 'Y', URL: 'https://e.org' }], null, 2);
    const { library, messages } = load('refs.json', json);
    expect(messages).toEqual([]);
    expect([...library.entries.keys()]).toEqual(['x', 'y']);
    expect(library.entries.get('y')?.position).toEqual({ line: 15, column: 5 });
  });

  it('positions JSON syntax errors', () => {
    const { messages } = load('refs.json', '[\n  {"id": "x",}\n]');
    expect(messages[0]).toMatch(/^refs\.json:2:\d+: references file is not valid JSON/);
  });

  it('reads CSL-YAML with the reliability block', () => {
    const yaml = '- id: a\n  type: book\n  title: A\n- id: b\n  type: webpage\n  title: B\n  reliability:\n    type: state-media\n    rating: 1\n    reasons: A perspective.\n    corroborated-by: [a]\n    examined: true\n';
    const { library, messages } = load('refs.yaml', yaml);
    expect(messages).toEqual([]);
    expect(library.entries.get('b')?.assessment).toEqual({ type: 'state-media', rating: 1, reasons: 'A perspective.', corroboratedBy: ['a'], examined: true });
    expect(library.entries.get('b')?.position).toEqual({ line: 4, column: 3 });
  });

  it('names an unknown reliability type and the allowed ones', () => {
    const { messages } = load('refs.yaml', '- id: a\n  type: book\n  reliability: {type: blog}\n');
    expect(messages[0]).toMatch(/^refs\.yaml:1:3: entry "a": reliability field "type": expected one of primary, peer-reviewed/);
  });
});

describe('entry checks', () => {
  it('flags an anonymous undated web page and malformed identifiers', () => {
    const yaml = [
      '- id: page',
      '  type: webpage',
      '  title: Somebody said so',
      '- id: bad',
      '  type: article-journal',
      '  title: T',
      '  author: [{family: A}]',
      '  issued: {date-parts: [[2020]]}',
      '  DOI: "10.1000"',
      '  ISBN: 978-0-300-25993-4',
      '  URL: www.example.org',
      '- id: fine',
      '  type: book',
      '  title: Not One Inch',
      '  author: [{family: Sarotte}]',
      '  issued: {date-parts: [[2021]]}',
      '  ISBN: 978-0-300-25993-3',
      '  DOI: https://doi.org/10.1080/01636600902773248',
      '',
    ].join('\n');
    const { all, library } = load('refs.yaml', yaml);
    expect(all).toEqual([
      'refs.yaml:1:3: warning: entry "page" has no author, no date, no DOI, ISBN or URL: students cannot easily check it (add what is missing, or give it a reliability rating)',
      'refs.yaml:4:3: warning: entry "bad": "10.1000" is not a DOI (a DOI looks like 10.1080/01636600902773248)',
      'refs.yaml:4:3: warning: entry "bad": "978-0-300-25993-4" is not a valid ISBN (wrong length or check digit)',
      'refs.yaml:4:3: warning: entry "bad": "www.example.org" is not a web address (expected http:// or https://)',
    ]);
    expect(library.entries.get('fine')?.csl.DOI).toBe('10.1080/01636600902773248');
  });

  it('reports a field that YAML read as a mapping or a list, not text', () => {
    // A placeholder left from a template, and brackets meant as text.
    const yaml = '- id: a\n  type: book\n  title: {{ TITLE }}\n  publisher: [Yale]\n  author: [{family: A}]\n  issued: {date-parts: [[2020]]}\n  ISBN: 978-0-300-25993-3\n';
    expect(load('refs.yaml', yaml).all).toEqual([
      'refs.yaml:1:3: entry "a": field "title" is not text (in YAML, put a value that starts with "{" or "[" in quotes)',
      'refs.yaml:1:3: entry "a": field "publisher" is not text (in YAML, put a value that starts with "{" or "[" in quotes)',
    ]);
    expect(load('refs.yaml', yaml.replace('{{ TITLE }}', '"{{ TITLE }}"').replace('[Yale]', '"[Yale]"')).all).toEqual([]);
  });

  it('trusts the teacher: no completeness warning for an assessed entry', () => {
    const { all } = load('refs.yaml', '- id: a\n  type: webpage\n  title: A\n  reliability: {rating: 0, reasons: Anonymous.}\n');
    expect(all).toEqual([]);
  });
});

describe('real exports', () => {
  it('reads a Zotero BibLaTeX export', () => {
    const text = String.raw`
@article{kramer_myth_2009,
	title = {The Myth of a No-{NATO}-Enlargement Pledge to {Russia}},
	volume = {32},
	issn = {0163-660X},
	url = {https://doi.org/10.1080/01636600902773248},
	doi = {10.1080/01636600902773248},
	abstract = {An abstract with {\&} and 50{\%}.},
	language = {en},
	number = {2},
	urldate = {2024-05-01},
	journaltitle = {The Washington Quarterly},
	author = {Kramer, Mark},
	date = {2009-04},
	pages = {39--61},
	keywords = {NATO, Russia},
	file = {Kramer - 2009.pdf:/home/t/Zotero/storage/ABC/Kramer.pdf:application/pdf},
}

@online{nato_enlargement_2024,
	title = {Enlargement and Article 10},
	url = {https://www.nato.int/cps/en/natohq/topics_49212.htm},
	author = {{NATO}},
	urldate = {2024-03-08},
	date = {2024-03-08},
}

@book{garcia,
	author = {Garc{\'\i}a M{\'a}rquez, Gabriel and {\v{S}}koda, Jan and M{\"u}ller, J{\"o}rg},
	title = {Cien a{\~n}os},
	publisher = {Sudamericana},
	year = {1967},
}
`;
    const { library, messages } = load('zotero.bib', text);
    expect(messages).toEqual([]);
    const k = library.entries.get('kramer_myth_2009')!;
    expect(k.csl['container-title']).toBe('The Washington Quarterly');
    expect(k.csl.issued?.['date-parts']).toEqual([[2009, 4]]);
    expect(library.entries.get('nato_enlargement_2024')?.csl.author).toEqual([{ family: 'NATO' }]);
    const g = library.entries.get('garcia')!;
    expect(g.csl.author?.map((a) => `${a.given} ${a.family}`)).toEqual(['Gabriel García Márquez', 'Jan Škoda', 'Jörg Müller']);
    expect(g.csl.title).toBe('Cien años');
  });
});

describe('loadLibrary', () => {
  it('parses an unchanged file once, gives each caller its own copy, and reads a changed file again', async () => {
    const dir = await tempDir({ 'refs.yaml': '- id: a\n  type: book\n  title: A\n  author: [{family: X}]\n  issued: {date-parts: [[2001]]}\n- id: a\n  type: book\n  title: Again\n' });
    const file = path.join(dir, 'refs.yaml');
    const first = await loadLibrary(file);
    const second = await loadLibrary(file);
    expect(second.library).toEqual(first.library);
    expect(second.library).not.toBe(first.library);
    // The diagnostics (a duplicate key here) come with every load, not only the first.
    expect(second.reporter.diagnostics.map((d) => d.rule)).toEqual(first.reporter.diagnostics.map((d) => d.rule));
    expect(first.reporter.diagnostics.length).toBeGreaterThan(0);
    first.library.entries.clear();
    expect((await loadLibrary(file)).library.entries.size).toBe(second.library.entries.size);
    await writeFile(file, '- id: b\n  type: book\n  title: B\n');
    expect([...(await loadLibrary(file)).library.entries.keys()]).toEqual(['b']);
  });
});
