import { describe, expect, it } from 'vitest';
import { formatDiagnostic, Reporter } from '../../src/diagnostics.js';
import { restoreDirectives } from '../../src/directives.js';
import { parseMarkdown } from '../../src/parse.js';
import { extractGlossary } from '../../src/sections/glossary.js';
import { extractQuestions } from '../../src/sections/questions.js';
import { sectionKind, splitSections } from '../../src/sections/split.js';
import { extractTimeline } from '../../src/sections/timeline.js';

function sections(markdown: string) {
  const reporter = new Reporter('/g/guide.md');
  const tree = parseMarkdown(markdown);
  restoreDirectives(tree, markdown, reporter);
  const split = splitSections(tree);
  return { split, reporter, messages: () => reporter.diagnostics.map((d) => formatDiagnostic(d, '/g')) };
}

describe('sections', () => {
  it('recognises special headings in several languages', () => {
    expect(sectionKind('Timeline')).toBe('timeline');
    expect(sectionKind('Zeitleiste')).toBe('timeline');
    expect(sectionKind('Glossary:')).toBe('glossary');
    expect(sectionKind('Словник')).toBe('glossary');
    expect(sectionKind('Discussion questions')).toBe('questions');
    expect(sectionKind('What happened')).toBe('body');
  });

  it('takes a leading # heading as the title', () => {
    const { split } = sections('# My guide\n\nText.\n\n## Next\n\nMore.');
    expect(split.h1).toBe('My guide');
    expect(split.sections.map((s) => s.title)).toEqual(['', 'Next']);
  });

  it('keeps unknown inline directives as typed text', () => {
    const { split } = sections('At 10:30 the ratio a:b held.');
    const p = split.sections[0]?.nodes[0];
    expect(p?.type === 'paragraph' && p.children.map((c) => ('value' in c ? c.value : '')).join('')).toBe('At 10:30 the ratio a:b held.');
  });
});

describe('timeline', () => {
  it('reads plain and bold dates and sorts them', () => {
    const { split, reporter, messages } = sections('## Timeline\n\n- **1954-03-31** — Note.\n- 1949-04-04: Treaty.\n- **1954** Year only.\n- 1954-01-25/1954-02-18 – Conference.\n');
    const t = extractTimeline(split.sections[0]!, reporter);
    expect(messages()).toEqual([]);
    expect(t.events.map((e) => [e.start.year, e.start.month, e.start.day])).toEqual([[1949, 4, 4], [1954, undefined, undefined], [1954, 1, 25], [1954, 3, 31]]);
    expect(t.events[2]?.end).toEqual({ year: 1954, month: 2, day: 18 });
    const first = t.events[0]?.content[0];
    expect(first?.type === 'paragraph' && first.children[0]?.type === 'text' && first.children[0].value).toBe('Treaty.');
  });

  it('reports an entry without a date or with an impossible one', () => {
    const { split, reporter, messages } = sections('## Timeline\n\n- Spring: nothing\n- **1954-02-30** — x\n');
    extractTimeline(split.sections[0]!, reporter);
    expect(messages()).toEqual([
      'guide.md:3:1: timeline entry does not start with a date: found "Spring:", expected YYYY-MM-DD, YYYY-MM or YYYY',
      'guide.md:4:1: "1954-02-30" is not a real date (expected YYYY-MM-DD, YYYY-MM or YYYY)',
    ]);
  });
});

describe('glossary', () => {
  it('reads definition lists and bold-term lists, sorted for the language', () => {
    const { split, reporter, messages } = sections('## Glossary\n\nZebra\n: Animal.\n\nÄpfel\n: Fruit.\n\n- **Berlin** — A city.\n- **Aachen**: Another.\n');
    const g = extractGlossary(split.sections[0]!, 'de', reporter);
    expect(messages()).toEqual([]);
    expect(g.entries.map((e) => e.termText)).toEqual(['Aachen', 'Äpfel', 'Berlin', 'Zebra']);
  });

  it('warns about a term defined twice, naming both places', () => {
    const { split, reporter, messages } = sections('## Glossary\n\nNATO\n: One.\n\nNATO\n: Two.\n');
    extractGlossary(split.sections[0]!, 'en', reporter);
    expect(messages()).toEqual(['guide.md:6:1: warning: glossary term "NATO" is defined twice\nguide.md:3:1: note: first defined here']);
  });
});

describe('questions', () => {
  it('separates the teacher answer and reads the writing space', () => {
    const { split, reporter } = sections('## Discussion questions\n\n1. Why?\n\n   :::answer{lines=3}\n   Because.\n   :::\n\n2. How?\n');
    const q = extractQuestions(split.sections[0]!, reporter);
    expect(q.questions).toHaveLength(2);
    expect(q.questions[0]?.answer).toHaveLength(1);
    expect(q.questions[0]?.lines).toBe(3);
    expect(q.questions[1]?.answer).toEqual([]);
    expect(q.questions[1]?.lines).toBe(5);
  });
});
