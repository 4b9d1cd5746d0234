import { describe, expect, it } from 'vitest';
import { formatDiagnostic, Reporter } from '../src/diagnostics.js';
import { isValidPartialDate, parseFrontMatter } from '../src/frontmatter.js';

function parse(yaml: string) {
  const reporter = new Reporter('/g/guide.md');
  const data = parseFrontMatter(yaml, 2, reporter);
  return { data, messages: reporter.diagnostics.map((d) => formatDiagnostic(d, '/g')) };
}

describe('front matter', () => {
  it('accepts the documented fields', () => {
    const { data, messages } = parse('title: A guide\nsubtitle: Sub\nauthor: [A, B]\ndate: 2024-03-07\nlang: de\npaper: letter\nreferences: refs.bib\n');
    expect(messages).toEqual([]);
    expect(data).toMatchObject({ title: 'A guide', author: ['A', 'B'], date: '2024-03-07', lang: 'de', paper: 'letter', references: 'refs.bib' });
  });

  it('names an unknown field, its line, and the closest known one', () => {
    const { messages } = parse('title: A\ntitel: B\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^guide\.md:3:1: front matter: unknown field "titel" \(did you mean "title"\?\)/);
  });

  it("ignores another tool's fields with a warning and keeps the rest", () => {
    const { data, messages } = parse('title: A post\nlayout: post\ntags: [history]\npdf_options:\n  format: a4\n');
    expect(data).toEqual({ title: 'A post' });
    expect(messages.map((m) => m.slice(0, m.indexOf(';')))).toEqual([
      'guide.md:3:1: warning: front matter: field "layout" is not one of studyguide\'s and is ignored',
      'guide.md:4:1: warning: front matter: field "tags" is not one of studyguide\'s and is ignored',
      'guide.md:5:1: warning: front matter: field "pdf_options" is not one of studyguide\'s and is ignored',
    ]);
  });

  it('names the field, the value found and what was expected', () => {
    const { messages } = parse('title: A\npaper: a5\n');
    expect(messages[0]).toBe('guide.md:3:8: front matter: field "paper": expected a4 or letter (found "a5")');
  });

  it('keeps the valid fields beside an invalid one', () => {
    const { data, messages } = parse('title: Kept\npaper: a5\nlang: de\n');
    expect(messages).toEqual(['guide.md:3:8: front matter: field "paper": expected a4 or letter (found "a5")']);
    expect(data).toEqual({ title: 'Kept', lang: 'de' });
  });

  it('takes the day of a date with a time of day', () => {
    expect(parse('date: 2024-03-07T10:00:00Z\n').data).toEqual({ date: '2024-03-07' });
    expect(parse('date: 2024-03-07 10:00\n').data).toEqual({ date: '2024-03-07' });
    expect(parse('date: 2024-03-07T10:00:00+02:00\n').data).toEqual({ date: '2024-03-07' });
    expect(parse('date: 2024-03-07 lunchtime\n').messages[0]).toMatch(/field "date": expected a date written YYYY-MM-DD/);
  });

  it('rejects impossible dates', () => {
    expect(parse('title: A\ndate: 2023-02-30\n').messages[0]).toMatch(/^guide\.md:3:7: front matter: field "date": expected a date written YYYY-MM-DD/);
    expect(isValidPartialDate('2024-02-29')).toBe(true);
    expect(isValidPartialDate('2023-13')).toBe(false);
  });

  it('reports broken YAML at its line', () => {
    const { messages } = parse('title: "A\nlang: en\n');
    expect(messages[0]).toMatch(/^guide\.md:\d+:\d+: front matter is not valid YAML/);
  });

  it('does not run custom tags', () => {
    const { messages } = parse('title: !!js/function "function(){}"\n');
    expect(messages.length).toBeGreaterThan(0);
  });
});
