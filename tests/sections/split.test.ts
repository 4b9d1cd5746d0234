/** Section headings in six languages, and headings named in the front matter (`sections:`). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGuides } from '../../src/build.js';
import { formatDiagnostic, Reporter } from '../../src/diagnostics.js';
import { parseFrontMatter } from '../../src/frontmatter.js';
import { loadGuide } from '../../src/guide.js';
import { parseMarkdown } from '../../src/parse.js';
import type { RootContent } from 'mdast';
import { levelHeadings, sectionKind, splitSections, type SectionNames } from '../../src/sections/split.js';
import { tempDir } from '../helpers/tmp.js';

function kinds(markdown: string, names?: SectionNames) {
  const reporter = new Reporter('/g/guide.md');
  const split = splitSections(parseMarkdown(markdown), { names, reporter });
  return { kinds: split.sections.map((s) => [s.title, s.kind]), messages: reporter.diagnostics.map((d) => formatDiagnostic(d, '/g')) };
}

describe('built-in headings', () => {
  const cases: [string, 'timeline' | 'glossary' | 'questions'][] = [
    ['Timeline', 'timeline'], ['Key dates', 'timeline'], ['Zeitleiste', 'timeline'], ['Chronik', 'timeline'], ['Zeitstrahl', 'timeline'],
    ['Chronologie', 'timeline'], ['Frise chronologique', 'timeline'], ['Repères chronologiques', 'timeline'],
    ['Cronología', 'timeline'], ['Línea de tiempo', 'timeline'], ['Хронологія', 'timeline'], ['Хронология событий', 'timeline'],
    ['Glossary', 'glossary'], ['Glossar', 'glossary'], ['Begriffe', 'glossary'], ['Glossaire', 'glossary'], ['Lexique', 'glossary'],
    ['Glosario', 'glossary'], ['Términos clave', 'glossary'], ['Словник', 'glossary'], ['Ключові терміни', 'glossary'],
    ['Глоссарий', 'glossary'], ['Словарь', 'glossary'], ['Ключевые понятия', 'glossary'],
    ['Discussion questions', 'questions'], ['Diskussionsfragen', 'questions'], ['Questions pour la discussion', 'questions'],
    ['Questions de discussion', 'questions'], ['Preguntas para el debate', 'questions'], ['Питання для обговорення', 'questions'],
    ['Запитання для обговорення', 'questions'], ['Вопросы для обсуждения', 'questions'],
  ];
  it('recognises each language', () => {
    for (const [title, kind] of cases) expect(sectionKind(title), title).toBe(kind);
  });

  it('ignores case, spacing, a trailing colon and the Unicode form', () => {
    expect(sectionKind('  ZEITLEISTE: ')).toBe('timeline');
    expect(sectionKind('Discussion   questions.')).toBe('questions');
    expect(sectionKind('Cronologi\u0301a')).toBe('timeline'); // "í" as i + combining accent
    expect(sectionKind('ПИТАННЯ ДЛЯ ОБГОВОРЕННЯ')).toBe('questions');
  });

  it('leaves other headings as body text', () => {
    for (const title of ['What happened', 'Die Zeitleiste der Krise', 'Contexte', 'Вступ']) expect(sectionKind(title)).toBe('body');
  });
});

describe('headings named in the front matter', () => {
  it('recognises the named headings', () => {
    const { kinds: k, messages } = kinds('## Chronik der Ereignisse\n\n- **1918** — x\n\n## Wichtige Wörter\n\n## Aufgaben\n\n1. Warum?\n', {
      timeline: 'Chronik der Ereignisse',
      glossary: ['Wörter', 'Wichtige Wörter'],
      questions: 'aufgaben',
    });
    expect(k).toEqual([['Chronik der Ereignisse', 'timeline'], ['Wichtige Wörter', 'glossary'], ['Aufgaben', 'questions']]);
    expect(messages).toEqual(['guide.md: warning: front matter: sections.glossary names the heading "Wörter", but the guide has no "## Wörter" heading']);
  });

  it('replaces the built-in names for that kind only', () => {
    const { kinds: k } = kinds('## Fragen\n\nBody text.\n\n## Aufgaben\n\n1. Warum?\n\n## Zeitleiste\n\n- **1918** — x\n', { questions: 'Aufgaben' });
    expect(k).toEqual([['Fragen', 'body'], ['Aufgaben', 'questions'], ['Zeitleiste', 'timeline']]);
  });

  it('turns recognition off for a kind named by an empty list', () => {
    expect(kinds('## Questions\n\nJust a heading.\n', { questions: [] }).kinds).toEqual([['Questions', 'body']]);
  });

  it('reads `sections:` from the front matter and warns at the name that matches nothing', async () => {
    const dir = await tempDir({
      'g/guide.md': '---\ntitle: T\nlang: de\nsections:\n  timeline: Chronik\n  questions: Aufgabn\n---\n\n## Chronik\n\n- **1918-11-09** — Ausrufung.\n\n## Aufgaben\n\n1. Warum?\n',
    });
    const guide = await loadGuide(path.join(dir, 'g', 'guide.md'));
    expect(guide.sections.map((s) => [s.section.title, s.kind])).toEqual([['Chronik', 'timeline'], ['Aufgaben', 'body']]);
    expect(guide.diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual([
      'g/guide.md:6:14: warning: front matter: sections.questions names the heading "Aufgabn", but the guide has no "## Aufgabn" heading',
    ]);
    expect((await checkGuides({ paths: [path.join(dir, 'g')], strict: true })).ok).toBe(false);
  });

  it('checks the field', () => {
    const parse = (yaml: string) => {
      const reporter = new Reporter('/g/guide.md');
      const data = parseFrontMatter(yaml, 2, reporter);
      return { data, messages: reporter.diagnostics.map((d) => formatDiagnostic(d, '/g')) };
    };
    expect(parse('sections: { timeline: Chronik, glossary: [Begriffe, Wörter] }')).toEqual({ data: { sections: { timeline: 'Chronik', glossary: ['Begriffe', 'Wörter'] } }, messages: [] });
    expect(parse('sections: { timelin: Chronik }').messages).toEqual(['guide.md:2:22: front matter: field "sections.timelin": unknown section "timelin": expected timeline, glossary or questions (found "Chronik")']);
    expect(parse('sections: Chronik').messages).toEqual(['guide.md:2:11: front matter: field "sections": expected a map such as { timeline: "Chronik", glossary: "Begriffe" } (found "Chronik")']);
    expect(parse('sections:\n  questions: ""').messages).toEqual(['guide.md:3:14: front matter: field "sections.questions": expected a heading (found "")']);
  });
});

describe('the title heading', () => {
  const badges = '[![Build](https://example.org/badge.svg)](https://example.org/ci)\n\n';
  it('is a first "#" heading, even after badges, when the front matter gives no title', () => {
    const split = splitSections(parseMarkdown(`${badges}# My notes\n\nIntro.\n\n## Timeline\n\n- **1954** — x\n`));
    expect(split.h1).toBe('My notes');
    expect(split.sections.map((s) => s.title)).toEqual(['', 'Timeline']);
    expect(JSON.stringify(split.sections[0]?.nodes)).not.toContain('My notes');
  });

  it('leaves out the descriptions of badges in it, unless it has nothing else', () => {
    expect(splitSections(parseMarkdown('# find-up [![Build Status](https://example.org/b.svg)](https://example.org)\n')).h1).toBe('find-up');
    expect(splitSections(parseMarkdown('# [![unified](logo.svg)](https://unifiedjs.com)\n')).h1).toBe('unified');
  });

  it('is read from a raw HTML <h1> before the first heading, which leaves the HTML', () => {
    const tree = parseMarkdown('<p align="center">\n  <img src="logo.png" alt="Logo">\n  <h1 align="center">The <em>Zod</em> notes</h1>\n</p>\n\n# Install\n\nText.\n');
    levelHeadings(tree);
    const split = splitSections(tree);
    expect(split.h1).toBe('The Zod notes');
    expect(split.sections.map((s) => s.title)).toEqual(['', 'Install']);
    const html = split.sections[0]?.nodes[0];
    expect(html?.type === 'html' && html.value).toBe('<p align="center">\n  <img src="logo.png" alt="Logo">\n  \n</p>');
    expect(splitSections(parseMarkdown('<h1></h1>\n\n# Real title\n')).h1).toBe('Real title');
    expect(splitSections(parseMarkdown('<h1 align="center">\n<br>\n<img src="logo.svg" alt="Chalk">\n</h1>\n\n## Install\n')).h1).toBe('Chalk');
  });

  it('is left in the text when the front matter gives the title, or when a "##" heading comes first', () => {
    expect(splitSections(parseMarkdown(`${badges}# Part one\n\nText.\n`), { hasTitle: true }).sections.map((s) => s.title)).toEqual(['', 'Part one']);
    const later = splitSections(parseMarkdown(`${badges}## Install\n\n# Usage\n`));
    expect(later.h1).toBeUndefined();
    expect(later.sections.map((s) => s.title)).toEqual(['', 'Install', 'Usage']);
  });
});

describe('notes that use "#" for their sections', () => {
  const structure = (markdown: string, hasTitle = false) => {
    const tree = parseMarkdown(markdown);
    levelHeadings(tree, { hasTitle });
    const split = splitSections(tree, { hasTitle });
    const headings = (nodes: readonly RootContent[]) => nodes.filter((n) => n.type === 'heading').map((n) => `h${(n as { depth: number }).depth}`);
    return { h1: split.h1, sections: split.sections.map((s) => [s.title, s.kind, ...headings(s.nodes)]) };
  };

  it('make each "#" a section and each "##" a sub-heading in it; a special "##" stays a section', () => {
    expect(structure('# Cold War notes\n\n# Origins\n\n## Yalta\n\n### Detail\n\n# Crises\n\n## Berlin\n\n## Timeline\n\n- **1961** — Wall\n')).toEqual({
      h1: 'Cold War notes',
      sections: [
        ['Origins', 'body', 'h3', 'h4'],
        ['Crises', 'body', 'h3'],
        ['Timeline', 'timeline'],
      ],
    });
    expect(structure('Intro.\n\n# Origins\n\n## Yalta\n\n# Crises\n', true).sections).toEqual([
      ['', 'body'],
      ['Origins', 'body', 'h3'],
      ['Crises', 'body'],
    ]);
  });

  it('leave a guide whose first section is a "##" one as it is, even with a "#" later', () => {
    expect(structure('# Guide\n\n## Overview\n\n### Detail\n\n# Appendix\n\n## Sources\n').sections).toEqual([
      ['Overview', 'body', 'h3'],
      ['Appendix', 'body'],
      ['Sources', 'body'],
    ]);
  });
});
