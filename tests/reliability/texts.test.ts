/**
 * The appendix's questions and findings in every language that has labels: present (no English
 * fallback), filled in, written in the language's own script, and printed in a real handout.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGuides } from '../../src/build.js';
import { labelLanguages, labels } from '../../src/i18n.js';
import { reliabilityTexts } from '../../src/reliability/texts.js';
import type { Finding } from '../../src/reliability/rubric.js';
import { tempDir } from '../helpers/tmp.js';

const findings: Finding[] = [
  { code: 'state-affiliated', name: 'RT', country: 'Russia' }, { code: 'deprecated', name: 'X' }, { code: 'publisher', name: 'Yale University Press', kind: 'university-press' },
  { code: 'no-identifier' }, { code: 'no-author' }, { code: 'no-date' }, { code: 'untraceable' }, { code: 'not-cited' },
  { code: 'corroborated', count: 1 }, { code: 'corroborated', count: 3 }, { code: 'doi-verified' }, { code: 'doi-mismatch', found: 'Other' },
  { code: 'doi-not-found' }, { code: 'retracted' }, { code: 'url-unreachable', status: '404' }, { code: 'url-reachable' },
];

const english = reliabilityTexts('en');
const strings = (lang: string): string[] => {
  const t = reliabilityTexts(lang);
  return [...Object.values(t.questions), ...findings.map((f) => t.finding(f)), t.estimate, t.disagreement, t.sift];
};
/** Each language's own script, once names, codes and numbers are taken out. */
const scripts: Record<string, RegExp> = { uk: /\p{Script=Cyrillic}/u, ru: /\p{Script=Cyrillic}/u, ar: /\p{Script=Arabic}/u, he: /\p{Script=Hebrew}/u };

describe('appendix texts', () => {
  it('exist for every language with labels, including Arabic and Hebrew', () => {
    expect(labelLanguages).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es', 'uk', 'ru', 'ar', 'he']));
    for (const lang of labelLanguages.filter((l) => l !== 'en')) {
      expect(reliabilityTexts(lang), lang).not.toBe(english);
      expect(reliabilityTexts(`${lang}-XX`), lang).toBe(reliabilityTexts(lang));
    }
    expect(reliabilityTexts('nl')).toBe(english);
  });

  for (const lang of labelLanguages) {
    it(`${lang}: every question and finding is filled in${lang === 'en' ? '' : ' and translated'}`, () => {
      const all = strings(lang);
      for (const s of all) expect(s.trim(), lang).not.toBe('');
      expect(Object.keys(reliabilityTexts(lang).questions).sort()).toEqual(Object.keys(english.questions).sort());
      expect(new Set(all.slice(0, 9)).size, 'one question per type').toBe(9);
      if (lang !== 'en') {
        const same = all.filter((s, i) => s === strings('en')[i] && !/^(DOI|ISBN|URL)/.test(s));
        expect(same, lang).toEqual([]);
      }
      const script = scripts[lang];
      if (script) {
        for (const s of all) expect(script.test(s.replace(/\b(DOI|ISBN|URL|RT|X|Russia|Yale University Press|Other)\b/g, '')) || /^\P{L}*$/u.test(s), `${lang}: ${s}`).toBe(true);
        const latin = all.map((s) => s.replace(/\b(DOI|ISBN|URL|RT|X|Russia|Yale University Press|Other)\b/g, '')).filter((s) => /\p{Script=Latin}/u.test(s));
        expect(latin, lang).toEqual([]);
      }
    });
  }

  it('Arabic and Hebrew labels are in their own scripts, with no Latin but DOI, ISBN and URL', () => {
    const all = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(all));
    for (const lang of ['ar', 'he'] as const) {
      const latin = all(labels[lang]).map((s) => s.replace(/\b(DOI|ISBN|URL)\b/g, '')).filter((s) => /\p{Script=Latin}/u.test(s));
      expect(latin, lang).toEqual([]);
    }
    expect(labels.ar.name).toBe('الاسم');
    expect(labels.he.name).toBe('שם');
  });
});

describe('a handout with an appendix in each language', () => {
  const cases = [
    ['fr', 'Questions à se poser', 'Qui a produit ce document'],
    ['es', 'Pregúntate', '¿Quién elaboró este documento'],
    ['uk', 'Запитай себе', 'Хто створив цей документ'],
    ['ru', 'Спроси себя', 'Кто создал этот документ'],
    ['ar', 'اسأل', 'من أنشأ هذه الوثيقة'],
    ['he', 'שאלו', 'מי יצר את המסמך'],
  ] as const;
  for (const [lang, ask, question] of cases) {
    it(`${lang}: the appendix asks in the guide's language`, async () => {
      const dir = await tempDir({
        'g/guide.md': `---\ntitle: T\nlang: ${lang}\n---\n\nText [@doc1954].\n`,
        'g/references.yaml': '- id: doc1954\n  type: document\n  title: A note\n  author: [{ family: Molotov }]\n  issued: { date-parts: [[1954]] }\n  URL: https://history.state.gov/x\n  reliability: { type: primary, rating: 3 }\n',
      });
      const out = path.join(dir, 'out');
      const report = await buildGuides({ paths: [path.join(dir, 'g')], outDir: out, htmlOnly: true, editions: ['teacher'] });
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const html = await readFile(path.join(out, 'g.teacher.html'), 'utf8');
      expect(html).toContain(`<strong>${ask}:</strong> ${question}`);
      expect(html).toContain(`<p class="estimate">${reliabilityTexts(lang).estimate}:`);
      expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' || lang === 'he' ? 'rtl' : 'ltr'}">`);
    });
  }
});
