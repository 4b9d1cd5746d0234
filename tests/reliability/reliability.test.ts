import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/citations.js';
import { Reporter } from '../../src/diagnostics.js';
import { parseLibrary } from '../../src/references/index.js';
import { assessSources } from '../../src/reliability/index.js';
import { builtinLabels, labelFor, mergeLabels, readLabels } from '../../src/reliability/labels.js';
import { autoAssess, disagrees } from '../../src/reliability/rubric.js';
import { tempDir } from '../helpers/tmp.js';

const cite = (id: number, key: string, section = 'Overview'): Cluster => ({
  id, items: [{ key, suppressAuthor: false }], narrative: false, position: { line: 1, column: 1 }, section, teacherOnly: false, studentOnly: false,
});

describe('publisher labels', () => {
  it('ships a valid table with the provenance of every label', async () => {
    const labels = await builtinLabels();
    expect(labels.length).toBeGreaterThan(30);
    for (const l of labels) {
      expect(l.source, l.name).toBeTruthy();
      expect(l.checked, l.name).toMatch(/^\d{4}-\d{2}$/);
    }
  });

  it('matches by domain (subdomains too) and by publisher name', async () => {
    const labels = await builtinLabels();
    expect(labelFor({ id: 'a', type: 'webpage', URL: 'https://sputnikglobe.com/20240331/x.html' }, labels)?.label).toBe('state-affiliated');
    expect(labelFor({ id: 'a', type: 'webpage', URL: 'https://www.bbc.co.uk/news/x' }, labels)?.label).toBe('major-news');
    expect(labelFor({ id: 'a', type: 'book', publisher: 'Yale University Press' }, labels)?.label).toBe('university-press');
    expect(labelFor({ id: 'a', type: 'webpage', URL: 'https://example.org/' }, labels)).toBeUndefined();
  });

  it('lets a guide add and override labels', async () => {
    const dir = await tempDir({
      'source-labels.yaml': '- domains: [bbc.co.uk]\n  name: BBC\n  label: none\n- domains: [example.org]\n  name: Example Times\n  label: deprecated\n  source: Our department\n  checked: 2026-01\n',
    });
    const reporter = new Reporter(path.join(dir, 'source-labels.yaml'));
    const own = await readLabels(path.join(dir, 'source-labels.yaml'), reporter);
    expect(reporter.diagnostics).toEqual([]);
    const labels = mergeLabels(await builtinLabels(), own);
    expect(labelFor({ id: 'a', type: 'webpage', URL: 'https://bbc.co.uk/x' }, labels)).toBeUndefined();
    expect(labelFor({ id: 'a', type: 'webpage', URL: 'https://example.org/x' }, labels)?.name).toBe('Example Times');
  });
});

describe('the rubric', () => {
  const library = parseLibrary(
    '/g/refs.yaml',
    [
      '- id: anon',
      '  type: webpage',
      '  title: Somebody said so',
      '- id: sputnik',
      '  type: webpage',
      '  title: Infographic',
      '  URL: https://sputnikglobe.com/20240331/x.html',
      '  author: [{literal: Sputnik}]',
      '  issued: {date-parts: [[2024, 3, 31]]}',
      '  reliability: {rating: 3, reasons: Trusted by mistake.}',
      '- id: kramer',
      '  type: article-journal',
      '  title: Myth',
      '  author: [{family: Kramer}]',
      '  issued: {date-parts: [[2009]]}',
      '  DOI: 10.1080/01636600902773248',
      '  reliability: {rating: 3, corroborated-by: [sarotte]}',
      '- id: sarotte',
      '  type: book',
      '  title: Not One Inch',
      '  author: [{family: Sarotte}]',
      '  publisher: Yale University Press',
      '  issued: {date-parts: [[2021]]}',
    ].join('\n'),
    new Reporter('/g/refs.yaml'),
  );

  it('estimates, flags and never overwrites the teacher', async () => {
    const rows = assessSources(library, [cite(0, 'kramer'), cite(1, 'kramer', 'Debate'), cite(2, 'sputnik'), cite(3, 'sarotte')], { labels: await builtinLabels() });
    const by = new Map(rows.map((r) => [r.id, r]));
    expect(rows.map((r) => r.id)).toEqual(['kramer', 'sarotte', 'sputnik', 'anon']);
    const anon = by.get('anon')!;
    expect(anon.rating).toBeUndefined();
    expect(anon.auto.rating).toBe(0);
    expect(anon.auto.findings.map((f) => f.code)).toEqual(['no-identifier', 'no-author', 'no-date', 'untraceable', 'not-cited']);
    const sputnik = by.get('sputnik')!;
    expect(sputnik.type).toBe('state-media');
    expect(sputnik.rating).toBe(3);
    expect(sputnik.auto.rating).toBe(1);
    expect(sputnik.disagreement).toBe(true);
    expect(by.get('kramer')!.citedIn).toEqual(['Overview', 'Debate']);
    expect(by.get('sarotte')!.corroboratedBy).toEqual(['kramer']);
    expect(by.get('sarotte')!.type).toBe('scholarly-book');
  });

  it('lowers the estimate for retracted or unreachable sources', () => {
    const base = { csl: { id: 'x', type: 'article-journal' }, type: 'peer-reviewed' as const, hasIdentifier: true, hasAuthor: true, hasDate: true, citedCount: 1, corroboratedBy: 0 };
    expect(autoAssess(base).rating).toBe(3);
    expect(autoAssess({ ...base, verification: [{ code: 'retracted' }] }).rating).toBe(0);
    expect(autoAssess({ ...base, verification: [{ code: 'url-unreachable', status: '404' }] }).rating).toBe(1);
    expect(disagrees(3, 1)).toBe(true);
    expect(disagrees(2, 3)).toBe(false);
    expect(disagrees(undefined, 0)).toBe(false);
  });
});
