import type { SourceType } from './references/types.js';

/**
 * Labels printed by the templates, in the guide's language. Add a language by adding an
 * entry here (all keys of `en` are required); unknown languages fall back to English.
 */
export const labels: Record<'en' | 'de', Labels> = {
  en: {
    contents: 'Contents', overview: 'Overview', timeline: 'Timeline', glossary: 'Glossary', questions: 'Discussion questions',
    references: 'References', examinedSources: 'Sources examined in this guide', appendix: 'Appendix: How reliable are the sources?',
    studentEdition: 'Student edition', teacherEdition: 'Teacher edition', teacherNote: 'Teacher note', answer: 'Answer',
    noAnswer: 'No answer given.', name: 'Name', class: 'Class', date: 'Date', page: 'Page', of: 'of',
    source: 'Source', type: 'Type', rating: 'Rating', reasons: 'Why', checks: 'Automatic checks', citedTimes: 'cited', times: 'times',
    notAssessed: 'not assessed', notCited: 'not cited in the text', identifier: 'identifier', noIdentifier: 'no DOI, ISBN or URL',
    author: 'author named', noAuthor: 'no author named', dated: 'dated', undated: 'no date', examined: 'examined, not relied on',
    corroboratedBy: 'corroborated by', citedIn: 'cited in', ratingScale: 'Ratings: 3 strong · 2 usable with care · 1 a perspective only · 0 cannot be verified.',
    appendixIntro: 'Before you trust a source, ask: who is behind it, what is the evidence, and what do other sources say? (SIFT: Stop; Investigate the source; Find better coverage; Trace claims to their origin.)',
    ratings: ['cannot be verified', 'a perspective only', 'usable with care', 'strong'],
    types: {
      primary: 'primary document', 'peer-reviewed': 'peer-reviewed article', 'scholarly-book': 'scholarly book', reference: 'reference work',
      news: 'news', opinion: 'opinion', 'state-media': 'state-affiliated media', 'social-media': 'social media post', unknown: 'unknown',
    },
  },
  de: {
    contents: 'Inhalt', overview: 'Überblick', timeline: 'Zeitleiste', glossary: 'Glossar', questions: 'Diskussionsfragen',
    references: 'Literatur', examinedSources: 'In diesem Leitfaden untersuchte Quellen', appendix: 'Anhang: Wie verlässlich sind die Quellen?',
    studentEdition: 'Ausgabe für Schülerinnen und Schüler', teacherEdition: 'Ausgabe für Lehrkräfte', teacherNote: 'Hinweis für Lehrkräfte', answer: 'Antwort',
    noAnswer: 'Keine Antwort angegeben.', name: 'Name', class: 'Klasse', date: 'Datum', page: 'Seite', of: 'von',
    source: 'Quelle', type: 'Art', rating: 'Bewertung', reasons: 'Begründung', checks: 'Automatische Prüfungen', citedTimes: 'zitiert', times: 'mal',
    notAssessed: 'nicht bewertet', notCited: 'im Text nicht zitiert', identifier: 'Kennung', noIdentifier: 'keine DOI, ISBN oder URL',
    author: 'Autor genannt', noAuthor: 'kein Autor genannt', dated: 'datiert', undated: 'ohne Datum', examined: 'untersucht, nicht als Beleg verwendet',
    corroboratedBy: 'bestätigt durch', citedIn: 'zitiert in', ratingScale: 'Bewertung: 3 stark · 2 mit Vorsicht nutzbar · 1 nur eine Perspektive · 0 nicht überprüfbar.',
    appendixIntro: 'Bevor du einer Quelle vertraust, frage: Wer steckt dahinter, welche Belege gibt es, und was sagen andere Quellen?',
    ratings: ['nicht überprüfbar', 'nur eine Perspektive', 'mit Vorsicht nutzbar', 'stark'],
    types: {
      primary: 'Primärquelle', 'peer-reviewed': 'begutachteter Fachartikel', 'scholarly-book': 'Fachbuch', reference: 'Nachschlagewerk',
      news: 'Nachrichten', opinion: 'Meinung', 'state-media': 'staatsnahes Medium', 'social-media': 'Beitrag in sozialen Medien', unknown: 'unbekannt',
    },
  },
};

export interface Labels {
  contents: string; overview: string; timeline: string; glossary: string; questions: string; references: string;
  examinedSources: string; appendix: string; studentEdition: string; teacherEdition: string; teacherNote: string;
  answer: string; noAnswer: string; name: string; class: string; date: string; page: string; of: string;
  source: string; type: string; rating: string; reasons: string; checks: string; citedTimes: string; times: string;
  notAssessed: string; notCited: string; identifier: string; noIdentifier: string; author: string; noAuthor: string;
  dated: string; undated: string; examined: string; corroboratedBy: string; citedIn: string; ratingScale: string;
  appendixIntro: string;
  ratings: readonly [string, string, string, string];
  types: Record<SourceType, string>;
}

export function labelsFor(lang: string): Labels {
  const primary = lang.split('-')[0]?.toLowerCase() ?? 'en';
  return (labels as Record<string, Labels | undefined>)[primary] ?? labels.en;
}
