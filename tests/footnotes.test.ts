/** Markdown footnotes become each edition's numbered Notes, wherever their definitions are. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Printer } from '../src/browser/printer.js';
import { buildGuides } from '../src/build.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { loadGuide } from '../src/guide.js';
import { loadCsl } from '../src/references/format.js';
import { buildView } from '../src/view.js';
import { readPdf } from './helpers/pdf.js';
import { tempDir } from './helpers/tmp.js';

beforeAll(loadCsl);

const guideText = [
  '---',
  'title: Footnotes',
  '---',
  '',
  '## Overview',
  '',
  'The note was sent in 1954.[^note] Another claim.[^two]',
  '',
  ':::teacher',
  'Only for teachers.[^teacher]',
  ':::',
  '',
  '## Background',
  '',
  'The second claim again.[^two] And a third.[^three]',
  '',
  '## Timeline',
  '',
  '- 1954-03-31: The note.',
  '',
  '[^note]: Sent on 31 March 1954, with *emphasis*.',
  '[^two]: A second note.',
  '[^teacher]: A note in the teacher edition only.',
  '[^three]: A note of two paragraphs.',
  '',
  '    Its second paragraph.',
  '[^unused]: Nobody refers to this one.',
  '',
].join('\n');

describe('footnotes', () => {
  it('are numbered in reading order across sections, per edition, and printed as notes', async () => {
    const dir = await tempDir({ 'guide.md': guideText });
    const guide = await loadGuide(path.join(dir, 'guide.md'));
    expect(guide.diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual(['guide.md:27:1: warning: footnote [^unused] is never referred to: add [^unused] where it belongs, or remove it']);
    const student = buildView(guide, { edition: 'student', paper: 'a4' });
    const teacher = buildView(guide, { edition: 'teacher', paper: 'a4' });
    const sectionHtml = (v: typeof student) => v.sections.map((s) => ('html' in s ? String(s.html) : '')).join('\n');

    expect(student.notes.map((n) => [n.number, String(n.html)])).toEqual([
      [1, 'Sent on 31 March 1954, with <em>emphasis</em>.'],
      [2, 'A second note.'],
      [3, '<p>A note of two paragraphs.</p>\n<p>Its second paragraph.</p>'],
    ]);
    expect(sectionHtml(student)).toContain('1954.<sup class="note-ref">1</sup> Another claim.<sup class="note-ref">2</sup>');
    expect(sectionHtml(student)).toContain('again.<sup class="note-ref">2</sup> And a third.<sup class="note-ref">3</sup>');

    expect(teacher.notes.map((n) => n.number)).toEqual([1, 2, 3, 4]);
    expect(String(teacher.notes[2]?.html)).toBe('A note in the teacher edition only.');
    expect(sectionHtml(teacher)).toContain('again.<sup class="note-ref">2</sup> And a third.<sup class="note-ref">4</sup>');
    // No section prints a footnote list of its own, and the timeline is not disturbed.
    expect(sectionHtml(teacher)).not.toMatch(/data-footnote|footnote-label/);
    expect(student.toc.entries.map((e) => e.title)).toContain('Notes');
  });

  it('reach the PDF', async () => {
    const dir = await tempDir({ 'g/guide.md': guideText });
    const out = path.join(dir, 'out');
    const printer = new Printer({ timeoutMs: 30_000 });
    try {
      const report = await buildGuides({ paths: [path.join(dir, 'g')], outDir: out, printer, editions: ['student'] });
      expect(report.ok).toBe(true);
    } finally {
      await printer.close();
    }
    const text = (await readPdf(path.join(out, 'g.student.pdf'))).text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Notes 1\. ?Sent on 31 March 1954, with emphasis\. 2\. ?A second note\. 3\. ?A note of two paragraphs\. Its second paragraph\./);
    expect(text).not.toContain('teacher edition only');
    expect(text).not.toContain('[^');
  });
});
