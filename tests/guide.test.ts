import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics.js';
import { loadGuide } from '../src/guide.js';
import { buildView } from '../src/view.js';
import { tempDir } from './helpers/tmp.js';
import { loadCsl } from '../src/references/format.js';

// Citations are formatted here without the build, which loads the CSL processor itself.
beforeAll(loadCsl);

describe('loadGuide', () => {
  it('reads references written in the front matter', async () => {
    const dir = await tempDir({
      'guide.md': [
        '---',
        'title: Inline',
        'references:',
        '  - id: doe2020',
        '    type: book',
        '    title: A Book',
        '    author: [{family: Doe, given: Jane}]',
        '    issued: {date-parts: [[2020]]}',
        '    ISBN: 978-0-300-25993-3',
        '  - id: unused',
        '    type: book',
        '    title: Unused',
        '    author: [{family: Roe}]',
        '    issued: {date-parts: [[2001]]}',
        '    ISBN: 978-0-300-25993-3',
        '---',
        '',
        'As @doe2020 shows.',
      ].join('\n'),
    });
    const guide = await loadGuide(path.join(dir, 'guide.md'));
    expect(guide.diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual(['guide.md:10:5: warning: entry "unused" is never cited in the guide']);
    expect(guide.sources.map((s) => s.id)).toEqual(['doe2020', 'unused']);
  });

  it('takes the title of a guide that names none from its folder, with a warning', async () => {
    const dir = await tempDir({ 'ww1_causes/guide.md': 'Some notes without a heading.\n', 'notes/road-to-war.md': '## A section\n\nText.\n' });
    const guide = await loadGuide(path.join(dir, 'ww1_causes', 'guide.md'));
    expect(guide.meta.title).toBe('ww1 causes');
    expect(guide.diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual([
      'ww1_causes/guide.md:1:1: warning: the guide has no title, so "ww1 causes" (from its file or folder name) is printed: add "title:" to the front matter or start with a "# Title" line',
    ]);
    expect((await loadGuide(path.join(dir, 'notes', 'road-to-war.md'))).meta.title).toBe('road-to-war');
  });

  it('reports an unknown citation style at its front-matter line', async () => {
    const dir = await tempDir({ 'guide.md': '---\ntitle: T\ncitation-style: turabian-x\n---\n\nText.\n' });
    const guide = await loadGuide(path.join(dir, 'guide.md'));
    expect(formatDiagnostic(guide.diagnostics[0]!, dir)).toMatch(/^guide\.md:3:1: unknown citation style "turabian-x"/);
  });

  it('numbers notes per edition, leaving out teacher-only citations for students', async () => {
    const dir = await tempDir({
      'guide.md': '---\ntitle: Notes\ncitation-style: chicago-notes\n---\n\nFirst [@a].\n\n:::teacher\nTeacher [@b].\n:::\n\nLast [@a, p. 3].\n',
      'references.yaml': '- id: a\n  type: book\n  title: Alpha\n  author: [{family: Ay}]\n  issued: {date-parts: [[2000]]}\n- id: b\n  type: book\n  title: Beta\n  author: [{family: Bee}]\n  issued: {date-parts: [[2001]]}\n',
    });
    const guide = await loadGuide(path.join(dir, 'guide.md'));
    const student = buildView(guide, { edition: 'student', paper: 'a4' });
    const teacher = buildView(guide, { edition: 'teacher', paper: 'a4' });
    expect(student.notes.map((n) => n.number)).toEqual([1, 2]);
    expect(teacher.notes.map((n) => n.number)).toEqual([1, 2, 3]);
    expect(String(teacher.notes[1]?.html)).toContain('Bee');
    expect(student.notes.map((n) => String(n.html)).join(' ')).not.toContain('Bee');
  });
});
