import type { SourceType } from './references/types.js';

/**
 * Labels printed by the templates, in the guide's language (`lang:` in the front matter; only
 * its first subtag counts, so `de-AT` uses `de`). Add a language by adding an entry here under
 * its ISO 639-1 code: every key of `Labels` is required, so the type-checker lists what is
 * missing. Unknown languages fall back to English. Section headings are recognised in
 * `sections/split.ts`; dates are formatted by `Intl` and need nothing here.
 */
export const labels = {
  en: {
    contents: 'Contents', overview: 'Overview', timeline: 'Timeline', glossary: 'Glossary', questions: 'Discussion questions',
    references: 'References', examinedSources: 'Sources examined in this guide', appendix: 'Appendix: How reliable are the sources?',
    studentEdition: 'Student edition', teacherEdition: 'Teacher edition', teacherNote: 'Teacher note', answer: 'Answer',
    noAnswer: 'No answer given.', notes: 'Notes', name: 'Name', class: 'Class', date: 'Date', page: 'Page', of: 'of', pageShort: 'p.',
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
    noAnswer: 'Keine Antwort angegeben.', notes: 'Anmerkungen', name: 'Name', class: 'Klasse', date: 'Datum', page: 'Seite', of: 'von', pageShort: 'S.',
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
  fr: {
    contents: 'Sommaire', overview: 'Vue d’ensemble', timeline: 'Chronologie', glossary: 'Glossaire', questions: 'Questions pour la discussion',
    references: 'Bibliographie', examinedSources: 'Sources étudiées dans ce guide', appendix: 'Annexe\u00a0: les sources sont-elles fiables\u202f?',
    studentEdition: 'Version élève', teacherEdition: 'Version enseignant', teacherNote: 'Note pour l’enseignant', answer: 'Réponse',
    noAnswer: 'Aucune réponse indiquée.', notes: 'Notes', name: 'Nom', class: 'Classe', date: 'Date', page: 'Page', of: 'sur', pageShort: 'p.',
    source: 'Source', type: 'Type', rating: 'Évaluation', reasons: 'Justification', checks: 'Vérifications automatiques', citedTimes: 'citée', times: 'fois',
    notAssessed: 'non évaluée', notCited: 'non citée dans le texte', identifier: 'identifiant', noIdentifier: 'ni DOI, ni ISBN, ni URL',
    author: 'auteur indiqué', noAuthor: 'aucun auteur indiqué', dated: 'datée', undated: 'sans date', examined: 'étudiée, pas utilisée comme appui',
    corroboratedBy: 'corroborée par', citedIn: 'citée dans', ratingScale: 'Évaluation\u00a0: 3 solide · 2 à utiliser avec prudence · 1 un simple point de vue · 0 invérifiable.',
    appendixIntro: 'Avant de faire confiance à une source, demande-toi\u00a0: qui se trouve derrière, sur quelles preuves s’appuie-t-elle, et que disent les autres sources\u202f?',
    ratings: ['invérifiable', 'un simple point de vue', 'à utiliser avec prudence', 'solide'],
    types: {
      primary: 'source primaire', 'peer-reviewed': 'article évalué par des pairs', 'scholarly-book': 'ouvrage scientifique', reference: 'ouvrage de référence',
      news: 'presse d’information', opinion: 'article d’opinion', 'state-media': 'média lié à un État', 'social-media': 'publication sur un réseau social', unknown: 'inconnu',
    },
  },
  es: {
    contents: 'Índice', overview: 'Visión general', timeline: 'Cronología', glossary: 'Glosario', questions: 'Preguntas para el debate',
    references: 'Bibliografía', examinedSources: 'Fuentes analizadas en esta guía', appendix: 'Anexo: ¿hasta qué punto son fiables las fuentes?',
    studentEdition: 'Edición para el alumnado', teacherEdition: 'Edición para el profesorado', teacherNote: 'Nota para el profesorado', answer: 'Respuesta',
    noAnswer: 'No se indica ninguna respuesta.', notes: 'Notas', name: 'Nombre', class: 'Curso', date: 'Fecha', page: 'Página', of: 'de', pageShort: 'pág.',
    source: 'Fuente', type: 'Tipo', rating: 'Valoración', reasons: 'Justificación', checks: 'Comprobaciones automáticas', citedTimes: 'citada', times: 'veces',
    notAssessed: 'sin valorar', notCited: 'no citada en el texto', identifier: 'identificador', noIdentifier: 'sin DOI, ISBN ni URL',
    author: 'autor indicado', noAuthor: 'sin autor indicado', dated: 'con fecha', undated: 'sin fecha', examined: 'analizada, no usada como apoyo',
    corroboratedBy: 'corroborada por', citedIn: 'citada en', ratingScale: 'Valoración: 3 sólida · 2 utilizable con cautela · 1 solo un punto de vista · 0 no verificable.',
    appendixIntro: 'Antes de fiarte de una fuente, pregúntate: ¿quién está detrás?, ¿en qué pruebas se basa? y ¿qué dicen otras fuentes?',
    ratings: ['no verificable', 'solo un punto de vista', 'utilizable con cautela', 'sólida'],
    types: {
      primary: 'fuente primaria', 'peer-reviewed': 'artículo revisado por pares', 'scholarly-book': 'libro académico', reference: 'obra de referencia',
      news: 'noticia', opinion: 'opinión', 'state-media': 'medio vinculado a un Estado', 'social-media': 'publicación en redes sociales', unknown: 'desconocido',
    },
  },
  uk: {
    contents: 'Зміст', overview: 'Огляд', timeline: 'Хронологія', glossary: 'Словник', questions: 'Питання для обговорення',
    references: 'Список джерел', examinedSources: 'Джерела, які розглядаються в цьому посібнику', appendix: 'Додаток: наскільки надійні джерела?',
    studentEdition: 'Видання для учнів', teacherEdition: 'Видання для вчителя', teacherNote: 'Примітка для вчителя', answer: 'Відповідь',
    noAnswer: 'Відповіді не наведено.', notes: 'Примітки', name: 'Ім’я', class: 'Клас', date: 'Дата', page: 'Сторінка', of: 'з', pageShort: 'с.',
    source: 'Джерело', type: 'Тип', rating: 'Оцінка', reasons: 'Обґрунтування', checks: 'Автоматичні перевірки', citedTimes: 'цитовано', times: 'разів',
    notAssessed: 'не оцінено', notCited: 'у тексті не цитовано', identifier: 'ідентифікатор', noIdentifier: 'немає DOI, ISBN чи URL',
    author: 'автора зазначено', noAuthor: 'автора не зазначено', dated: 'дату зазначено', undated: 'без дати', examined: 'аналізується, а не є опорою',
    corroboratedBy: 'підтверджують', citedIn: 'цитується в розділах', ratingScale: 'Оцінка: 3 надійне · 2 можна використовувати з обережністю · 1 лише одна з точок зору · 0 неможливо перевірити.',
    appendixIntro: 'Перш ніж довіряти джерелу, запитай себе: хто за ним стоїть, на які докази воно спирається і що кажуть інші джерела?',
    ratings: ['неможливо перевірити', 'лише одна з точок зору', 'можна використовувати з обережністю', 'надійне'],
    types: {
      primary: 'першоджерело', 'peer-reviewed': 'рецензована наукова стаття', 'scholarly-book': 'наукова книга', reference: 'довідкове видання',
      news: 'новини', opinion: 'думка', 'state-media': 'державне медіа', 'social-media': 'допис у соцмережах', unknown: 'невідомо',
    },
  },
  ru: {
    contents: 'Содержание', overview: 'Обзор', timeline: 'Хронология', glossary: 'Глоссарий', questions: 'Вопросы для обсуждения',
    references: 'Список литературы', examinedSources: 'Источники, которые разбираются в этом пособии', appendix: 'Приложение: насколько надёжны источники?',
    studentEdition: 'Издание для учащихся', teacherEdition: 'Издание для учителя', teacherNote: 'Примечание для учителя', answer: 'Ответ',
    noAnswer: 'Ответ не указан.', notes: 'Примечания', name: 'Имя', class: 'Класс', date: 'Дата', page: 'Страница', of: 'из', pageShort: 'с.',
    source: 'Источник', type: 'Тип', rating: 'Оценка', reasons: 'Обоснование', checks: 'Автоматические проверки', citedTimes: 'цитируется', times: 'раз',
    notAssessed: 'не оценён', notCited: 'в тексте не цитируется', identifier: 'идентификатор', noIdentifier: 'нет DOI, ISBN или URL',
    author: 'автор указан', noAuthor: 'автор не указан', dated: 'дата указана', undated: 'без даты', examined: 'разбирается, а не служит опорой',
    corroboratedBy: 'подтверждают', citedIn: 'цитируется в разделах', ratingScale: 'Оценка: 3 надёжный · 2 можно использовать с осторожностью · 1 лишь одна из точек зрения · 0 невозможно проверить.',
    appendixIntro: 'Прежде чем доверять источнику, спроси себя: кто за ним стоит, на какие доказательства он опирается и что говорят другие источники?',
    ratings: ['невозможно проверить', 'лишь одна из точек зрения', 'можно использовать с осторожностью', 'надёжный'],
    types: {
      primary: 'первоисточник', 'peer-reviewed': 'рецензируемая научная статья', 'scholarly-book': 'научная книга', reference: 'справочное издание',
      news: 'новости', opinion: 'мнение', 'state-media': 'государственное СМИ', 'social-media': 'публикация в соцсетях', unknown: 'неизвестно',
    },
  },
  // Arabic and Hebrew (right to left): short, standard wording. Students are addressed in the
  // plural in Hebrew, so that no grammatical gender is chosen for them.
  ar: {
    contents: 'المحتويات', overview: 'نظرة عامة', timeline: 'الخط الزمني', glossary: 'مسرد المصطلحات', questions: 'أسئلة للنقاش',
    references: 'المراجع', examinedSources: 'المصادر التي يدرسها هذا الدليل', appendix: 'ملحق: ما مدى موثوقية المصادر؟',
    studentEdition: 'نسخة الطالب', teacherEdition: 'نسخة المعلم', teacherNote: 'ملاحظة للمعلم', answer: 'الإجابة',
    noAnswer: 'لم تُذكر إجابة.', notes: 'الحواشي', name: 'الاسم', class: 'الصف', date: 'التاريخ', page: 'صفحة', of: 'من', pageShort: 'ص',
    source: 'المصدر', type: 'النوع', rating: 'التقييم', reasons: 'المبررات', checks: 'فحوص آلية', citedTimes: 'مستشهد به', times: 'مرات',
    notAssessed: 'غير مقيَّم', notCited: 'غير مستشهد به في النص', identifier: 'معرِّف', noIdentifier: 'لا يوجد DOI أو ISBN أو URL',
    author: 'المؤلف مذكور', noAuthor: 'المؤلف غير مذكور', dated: 'مؤرَّخ', undated: 'بلا تاريخ', examined: 'مصدر مدروس، لا يُعتمد عليه',
    corroboratedBy: 'تؤكده مصادر', citedIn: 'مستشهد به في', ratingScale: 'التقييم: 3 قوي · 2 يُستخدم بحذر · 1 وجهة نظر فقط · 0 لا يمكن التحقق منه.',
    appendixIntro: 'قبل أن تثق بمصدر، اسأل: من يقف وراءه، وما الأدلة التي يقدمها، وماذا تقول المصادر الأخرى؟',
    ratings: ['لا يمكن التحقق منه', 'وجهة نظر فقط', 'يُستخدم بحذر', 'قوي'],
    types: {
      primary: 'وثيقة أولية', 'peer-reviewed': 'مقال علمي محكَّم', 'scholarly-book': 'كتاب علمي', reference: 'عمل مرجعي',
      news: 'خبر صحفي', opinion: 'مقال رأي', 'state-media': 'إعلام تابع للدولة', 'social-media': 'منشور على وسائل التواصل', unknown: 'غير معروف',
    },
  },
  he: {
    contents: 'תוכן העניינים', overview: 'סקירה כללית', timeline: 'ציר זמן', glossary: 'מילון מונחים', questions: 'שאלות לדיון',
    references: 'רשימת מקורות', examinedSources: 'מקורות שנבחנים במדריך זה', appendix: 'נספח: עד כמה המקורות מהימנים?',
    studentEdition: 'גרסה לתלמידים', teacherEdition: 'גרסה למורים', teacherNote: 'הערה למורה', answer: 'תשובה',
    noAnswer: 'לא ניתנה תשובה.', notes: 'הערות', name: 'שם', class: 'כיתה', date: 'תאריך', page: 'עמוד', of: 'מתוך', pageShort: 'עמ׳',
    source: 'מקור', type: 'סוג', rating: 'דירוג', reasons: 'נימוק', checks: 'בדיקות אוטומטיות', citedTimes: 'צוטט', times: 'פעמים',
    notAssessed: 'לא דורג', notCited: 'לא צוטט בטקסט', identifier: 'מזהה', noIdentifier: 'אין DOI, ISBN או URL',
    author: 'המחבר מצוין', noAuthor: 'לא מצוין מחבר', dated: 'מתוארך', undated: 'ללא תאריך', examined: 'נבחן, אך אינו משמש בסיס',
    corroboratedBy: 'מאושש על ידי', citedIn: 'צוטט בפרקים', ratingScale: 'דירוג: 3 חזק · 2 שמיש בזהירות · 1 נקודת מבט בלבד · 0 לא ניתן לאימות.',
    appendixIntro: 'לפני שסומכים על מקור, שאלו: מי עומד מאחוריו, על אילו ראיות הוא נשען, ומה אומרים מקורות אחרים?',
    ratings: ['לא ניתן לאימות', 'נקודת מבט בלבד', 'שמיש בזהירות', 'חזק'],
    types: {
      primary: 'מקור ראשוני', 'peer-reviewed': 'מאמר שעבר שיפוט', 'scholarly-book': 'ספר מחקר', reference: 'ספר יעץ',
      news: 'חדשות', opinion: 'מאמר דעה', 'state-media': 'תקשורת מטעם המדינה', 'social-media': 'פוסט ברשת חברתית', unknown: 'לא ידוע',
    },
  },
} satisfies Record<string, Labels>;

export interface Labels {
  contents: string; overview: string; timeline: string; glossary: string; questions: string; references: string;
  examinedSources: string; appendix: string; studentEdition: string; teacherEdition: string; teacherNote: string;
  answer: string; noAnswer: string; notes: string; name: string; class: string; date: string; page: string; of: string;
  /** Before a page number in running text: "p." in "(p. 2)". */
  pageShort: string;
  source: string; type: string; rating: string; reasons: string; checks: string; citedTimes: string; times: string;
  notAssessed: string; notCited: string; identifier: string; noIdentifier: string; author: string; noAuthor: string;
  dated: string; undated: string; examined: string; corroboratedBy: string; citedIn: string; ratingScale: string;
  appendixIntro: string;
  ratings: readonly [string, string, string, string];
  types: Record<SourceType, string>;
}

/** Languages with their own labels, by ISO 639-1 code. */
export type LabelLanguage = keyof typeof labels;
export const labelLanguages = Object.keys(labels) as LabelLanguage[];

export function labelsFor(lang: string): Labels {
  const primary = lang.split('-')[0]?.toLowerCase() ?? 'en';
  return (labels as Record<string, Labels | undefined>)[primary] ?? labels.en;
}
