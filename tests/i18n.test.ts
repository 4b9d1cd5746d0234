/** Labels in every supported language: complete, really translated, and used by the handout. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGuides } from '../src/build.js';
import { labelLanguages, labels, labelsFor, type Labels } from '../src/i18n.js';
import { sectionKind } from '../src/sections/split.js';
import { tempDir } from './helpers/tmp.js';

const sourceTypes = Object.keys(labels.en.types).sort();

describe('labels', () => {
  it('has English, German, French, Spanish, Ukrainian and Russian', () => {
    expect(labelLanguages).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es', 'uk', 'ru']));
  });

  for (const lang of labelLanguages) {
    it(`${lang}: every label is there and filled in`, () => {
      const l: Labels = labels[lang];
      expect(Object.keys(l).sort()).toEqual(Object.keys(labels.en).sort());
      for (const [key, value] of Object.entries(l)) {
        if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      }
      expect(l.ratings).toHaveLength(4);
      expect(new Set(l.ratings).size).toBe(4);
      expect(Object.keys(l.types).sort()).toEqual(sourceTypes);
      expect(new Set(Object.values(l.types)).size).toBe(sourceTypes.length);
    });

    it(`${lang}: its own section titles are recognised as headings`, () => {
      expect(sectionKind(labels[lang].timeline)).toBe('timeline');
      expect(sectionKind(labels[lang].glossary)).toBe('glossary');
      expect(sectionKind(labels[lang].questions)).toBe('questions');
    });
  }

  it('translates rather than copies English', () => {
    for (const lang of labelLanguages.filter((l) => l !== 'en')) {
      const l = labels[lang];
      const same = (['timeline', 'questions', 'references', 'appendix', 'studentEdition', 'teacherEdition', 'answer', 'notAssessed'] as const).filter((k) => l[k] === labels.en[k]);
      expect(same, lang).toEqual([]);
      expect(l.ratings.filter((r, i) => r === labels.en.ratings[i]), lang).toEqual([]);
    }
  });

  it('writes Ukrainian and Russian in Cyrillic, with no Latin look-alikes', () => {
    const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(strings));
    for (const lang of ['uk', 'ru'] as const) {
      const latin = strings(labels[lang]).map((s) => s.replace(/\b(DOI|ISBN|URL)\b/g, '')).filter((s) => /\p{Script=Latin}/u.test(s));
      expect(latin, lang).toEqual([]);
    }
  });

  it('chooses by the first subtag and falls back to English', () => {
    expect(labelsFor('uk-UA').timeline).toBe('Хронологія');
    expect(labelsFor('fr-CA').timeline).toBe('Chronologie');
    expect(labelsFor('ES').questions).toBe('Preguntas para el debate');
    expect(labelsFor('ru').page).toBe('Страница');
    expect(labelsFor('nl').timeline).toBe('Timeline');
    expect(labelsFor('').timeline).toBe('Timeline');
  });
});

describe('a handout in each language', () => {
  const cases = [
    ['fr', 'Version élève', 'Nom', 'Classe', 'Page', 'sur'],
    ['es', 'Edición para el alumnado', 'Nombre', 'Curso', 'Página', 'de'],
    ['uk', 'Видання для учнів', 'Ім’я', 'Клас', 'Сторінка', 'з'],
    ['ru', 'Издание для учащихся', 'Имя', 'Класс', 'Страница', 'из'],
  ] as const;
  for (const [lang, edition, name, klass, page, of] of cases) {
    it(`${lang}: the cover, the fields and the footer use the guide's language`, async () => {
      const dir = await tempDir({ 'g/guide.md': `---\ntitle: T\nlang: ${lang}\n---\n\nText.\n` });
      const out = path.join(dir, 'out');
      const report = await buildGuides({ paths: [path.join(dir, 'g')], outDir: out, htmlOnly: true, editions: ['student'] });
      expect(report.diagnostics).toEqual([]);
      const html = await readFile(path.join(out, 'g.student.html'), 'utf8');
      expect(html).toContain(`<html lang="${lang}" dir="ltr">`);
      expect(html).toContain(`<p class="edition-badge">${edition}</p>`);
      expect(html).toContain(`<span class="field field-name">${name}</span>`);
      expect(html).toContain(`<span class="field field-class">${klass}</span>`);
      expect(html).toContain(`content: ${JSON.stringify(page)} " " counter(page) " " ${JSON.stringify(of)} " " counter(pages);`);
    });
  }
});
