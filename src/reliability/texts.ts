/**
 * Words of the appendix that depend on the source: the questions students should ask of it
 * (SIFT and lateral reading) and the automatic findings. English and German; other languages
 * fall back to English until translated (add a block with the same keys).
 */
import type { SourceType } from '../references/types.js';
import type { Finding } from './rubric.js';

interface Texts {
  questions: Record<SourceType, string>;
  finding: (f: Finding) => string;
  estimate: string;
  disagreement: string;
  sift: string;
}

const en: Texts = {
  questions: {
    primary: 'Who made this document, when and why? Are you reading the original, a translation or a summary?',
    'peer-reviewed': 'Where was it published and reviewed? Do other scholars agree with its conclusion, or challenge it?',
    'scholarly-book': "What is the author's expertise, and what evidence does the book rest on? How did reviewers judge it?",
    reference: 'Use it to get your bearings, then follow its sources back to the evidence itself.',
    news: 'Is this news reporting or opinion? Do other news organisations report the same facts?',
    opinion: 'Whose view is this and what do they want you to think? What evidence do they give?',
    'state-media': 'Who pays for this outlet and what does that government want? Find independent coverage of the same events.',
    'social-media': 'Who posted this? Trace the claim back to where it first appeared.',
    unknown: 'Who is behind it? Leave the page and search for the author and publisher (lateral reading). Can you find the claim in a better source?',
  },
  finding(f) {
    switch (f.code) {
      case 'state-affiliated':
        return `${f.name}: state-affiliated media${f.country ? ` (${f.country})` : ''}`;
      case 'deprecated':
        return `${f.name}: listed as generally unreliable`;
      case 'publisher':
        return `published by ${f.name}`;
      case 'no-identifier':
        return 'no DOI, ISBN or URL';
      case 'no-author':
        return 'no author named';
      case 'no-date':
        return 'no date';
      case 'untraceable':
        return 'cannot be traced: no author, date or identifier';
      case 'not-cited':
        return 'listed but not cited in the text';
      case 'corroborated':
        return `corroborated by ${f.count} other source${f.count === 1 ? '' : 's'} in this guide`;
      case 'doi-verified':
        return 'DOI checked: title and year match';
      case 'doi-mismatch':
        return `DOI leads to a different work: "${f.found}"`;
      case 'doi-not-found':
        return 'DOI not found';
      case 'retracted':
        return 'RETRACTED';
      case 'url-unreachable':
        return `web address did not answer (${f.status})`;
      case 'url-reachable':
        return 'web address checked';
    }
  },
  estimate: 'Automatic estimate',
  disagreement: 'differs from your rating: check again',
  sift: 'Ask',
};

const de: Texts = {
  questions: {
    primary: 'Wer hat dieses Dokument wann und warum verfasst? Liest du das Original, eine Übersetzung oder eine Zusammenfassung?',
    'peer-reviewed': 'Wo wurde es veröffentlicht und begutachtet? Stimmen andere Fachleute zu oder widersprechen sie?',
    'scholarly-book': 'Welche Fachkenntnis hat der Autor, auf welche Belege stützt sich das Buch? Wie wurde es rezensiert?',
    reference: 'Nutze es zur Orientierung und verfolge seine Quellen bis zu den Belegen selbst.',
    news: 'Ist das Nachricht oder Meinung? Berichten andere Medien dieselben Tatsachen?',
    opinion: 'Wessen Sicht ist das, und was sollst du denken? Welche Belege werden genannt?',
    'state-media': 'Wer bezahlt dieses Medium, und was will diese Regierung? Suche unabhängige Berichte über dieselben Ereignisse.',
    'social-media': 'Wer hat das gepostet? Verfolge die Behauptung bis zu ihrem Ursprung.',
    unknown: 'Wer steckt dahinter? Verlass die Seite und suche nach Autor und Herausgeber (laterales Lesen). Findest du die Behauptung in einer besseren Quelle?',
  },
  finding(f) {
    switch (f.code) {
      case 'state-affiliated':
        return `${f.name}: staatsnahes Medium${f.country ? ` (${f.country})` : ''}`;
      case 'deprecated':
        return `${f.name}: gilt als allgemein unzuverlässig`;
      case 'publisher':
        return `veröffentlicht von ${f.name}`;
      case 'no-identifier':
        return 'keine DOI, ISBN oder URL';
      case 'no-author':
        return 'kein Autor genannt';
      case 'no-date':
        return 'ohne Datum';
      case 'untraceable':
        return 'nicht nachverfolgbar: weder Autor, Datum noch Kennung';
      case 'not-cited':
        return 'aufgeführt, aber im Text nicht zitiert';
      case 'corroborated':
        return `bestätigt durch ${f.count} andere Quelle${f.count === 1 ? '' : 'n'} in diesem Leitfaden`;
      case 'doi-verified':
        return 'DOI geprüft: Titel und Jahr stimmen';
      case 'doi-mismatch':
        return `DOI führt zu einem anderen Werk: „${f.found}“`;
      case 'doi-not-found':
        return 'DOI nicht gefunden';
      case 'retracted':
        return 'ZURÜCKGEZOGEN';
      case 'url-unreachable':
        return `Webadresse antwortet nicht (${f.status})`;
      case 'url-reachable':
        return 'Webadresse geprüft';
    }
  },
  estimate: 'Automatische Einschätzung',
  disagreement: 'weicht von deiner Bewertung ab: bitte prüfen',
  sift: 'Frage',
};

const all: Record<string, Texts> = { en, de };

export function reliabilityTexts(lang: string): Texts {
  return all[lang.split('-')[0]?.toLowerCase() ?? 'en'] ?? en;
}
