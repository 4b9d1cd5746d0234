/**
 * Right-to-left guides (Hebrew here) print right to left: text and headings start at the right
 * margin, the timeline's dates stand right of its axis, and the footer is mirrored. Positions
 * are read back from real PDFs with pdf.js; an English guide of the same shape is the control.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGuides } from '../src/build.js';
import { textRuns, type TextRun } from './helpers/pdf-fonts.js';
import { tempDir } from './helpers/tmp.js';

const hebrew = `---
title: "המלחמה הקרה באירופה"
lang: he
toc: false
sections: { timeline: "ציר זמן", glossary: "מונחים", questions: "שאלות לדיון" }
---

המלחמה הקרה חילקה את אירופה לשני גושים.

> ציטוט: „הגבול עבר באמצע העיר“.

## ציר זמן

- **1949-04-04** — ייסוד נאט״ו.

## מונחים

מסך הברזל
: הגבול בין המזרח למערב באירופה.

## שאלות לדיון

1. מדוע חולקה אירופה?
`;

const english = `---
title: "The Cold War in Europe"
lang: en
toc: false
---

The Cold War divided Europe into two blocs.

## Timeline

- **1949-04-04** — NATO founded.

## Glossary

Iron Curtain
: The border between East and West in Europe.

## Discussion questions

1. Why was Europe divided?
`;

async function print(name: string, text: string, edition: 'student' | 'teacher' = 'teacher'): Promise<TextRun[]> {
  const dir = await tempDir({ [`${name}/guide.md`]: text });
  const out = path.join(dir, 'out');
  const report = await buildGuides({ paths: [path.join(dir, name)], outDir: out, editions: [edition] });
  expect(report.diagnostics).toEqual([]);
  return textRuns(new Uint8Array(await readFile(path.join(out, `${name}.${edition}.pdf`))));
}

function run(runs: TextRun[], text: string): TextRun {
  const found = runs.find((r) => r.str.includes(text));
  if (!found) throw new Error(`"${text}" not found in ${runs.map((r) => r.str).join(' | ')}`);
  return found;
}

const end = (r: TextRun) => r.x + r.width;
/** A side margin of 17 mm, with a little room. */
const margin = (17 / 25.4) * 72;
const nearLeft = (r: TextRun) => Math.abs(r.x - margin) < 6;
const nearRight = (r: TextRun) => Math.abs(end(r) - (r.pageWidth - margin)) < 6;

describe('right to left', () => {
  it('Hebrew: text, headings, timeline and footer run from the right', async () => {
    const runs = await print('he', hebrew);
    // Paragraphs and headings start at the right margin.
    expect(nearRight(run(runs, 'המלחמה'))).toBe(true);
    expect(nearRight(run(runs, 'ציר'))).toBe(true);
    expect(nearRight(run(runs, 'מונחים'))).toBe(true);
    expect(run(runs, 'זמן').x).toBeLessThan(run(runs, 'ציר').x);
    // The timeline: the date right of the axis, the event left of it.
    expect(run(runs, '1949').x).toBeGreaterThan(end(run(runs, 'ייסוד')));
    // The footer is mirrored, in Hebrew: the edition ("גרסה למורים") at the right, "עמוד 1 מתוך 1" at the left.
    const footer = runs.filter((r) => r.y < 40);
    const footerRun = (text: string) => run(footer, text);
    expect(nearRight(footerRun('גרסה'))).toBe(true);
    expect(end(footerRun('עמוד'))).toBeLessThan(footerRun('גרסה').x);
    expect(Math.abs(Math.min(...footer.map((r) => r.x)) - margin)).toBeLessThan(6);
    expect(footerRun('עמוד').x).toBeLessThan((footer[0]?.pageWidth ?? 0) / 2);
  });

  it('English control: the same guide runs from the left', async () => {
    const runs = await print('en', english);
    expect(nearLeft(run(runs, 'The Cold War divided'))).toBe(true);
    expect(nearLeft(run(runs, 'Timeline'))).toBe(true);
    expect(end(run(runs, '1949'))).toBeLessThan(run(runs, 'NATO founded').x);
    expect(nearLeft(run(runs, 'Teacher edition'))).toBe(true);
    expect(nearRight(run(runs, 'Page 1 of 1'))).toBe(true);
  });
});
