/**
 * Words of the appendix that depend on the source: the questions students should ask of it
 * (SIFT and lateral reading) and the automatic findings. In every language of `labels`
 * (src/i18n.ts): English, German, French, Spanish, Ukrainian, Russian, Arabic and Hebrew;
 * other languages fall back to English (add a block with the same keys).
 */
import type { SourceType } from '../references/types.js';
import type { Finding } from './rubric.js';

export interface Texts {
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

// French: students are addressed as "tu", as in the labels; French spacing before ? and :.
const fr: Texts = {
  questions: {
    primary: 'Qui a produit ce document, quand et pourquoi\u202f? Lis-tu l’original, une traduction ou un résumé\u202f?',
    'peer-reviewed': 'Où a-t-il été publié et évalué\u202f? D’autres chercheurs partagent-ils sa conclusion, ou la contestent-ils\u202f?',
    'scholarly-book': 'Quelle est la compétence de l’auteur, et sur quelles preuves le livre repose-t-il\u202f? Comment la critique l’a-t-elle jugé\u202f?',
    reference: 'Sers-t’en pour te repérer, puis remonte ses sources jusqu’aux preuves elles-mêmes.',
    news: 'Est-ce une information ou une opinion\u202f? D’autres médias rapportent-ils les mêmes faits\u202f?',
    opinion: 'De qui est ce point de vue, et que veut-on te faire penser\u202f? Quelles preuves sont avancées\u202f?',
    'state-media': 'Qui finance ce média, et que veut ce gouvernement\u202f? Cherche une couverture indépendante des mêmes événements.',
    'social-media': 'Qui a publié ceci\u202f? Remonte l’affirmation jusqu’à sa première apparition.',
    unknown: 'Qui se trouve derrière\u202f? Quitte la page et cherche qui sont l’auteur et l’éditeur (lecture latérale). Trouves-tu l’affirmation dans une meilleure source\u202f?',
  },
  finding(f) {
    switch (f.code) {
      case 'state-affiliated':
        return `${f.name}\u00a0: média lié à un État${f.country ? ` (${f.country})` : ''}`;
      case 'deprecated':
        return `${f.name}\u00a0: jugé généralement peu fiable`;
      case 'publisher':
        return `publié par ${f.name}`;
      case 'no-identifier':
        return 'ni DOI, ni ISBN, ni URL';
      case 'no-author':
        return 'aucun auteur indiqué';
      case 'no-date':
        return 'sans date';
      case 'untraceable':
        return 'impossible à retracer\u00a0: ni auteur, ni date, ni identifiant';
      case 'not-cited':
        return 'dans la liste, mais non citée dans le texte';
      case 'corroborated':
        return f.count === 1 ? 'corroborée par une autre source de ce guide' : `corroborée par ${f.count} autres sources de ce guide`;
      case 'doi-verified':
        return 'DOI vérifié\u00a0: le titre et l’année concordent';
      case 'doi-mismatch':
        return `le DOI renvoie à un autre ouvrage\u00a0: «\u00a0${f.found}\u00a0»`;
      case 'doi-not-found':
        return 'DOI introuvable';
      case 'retracted':
        return 'PUBLICATION RÉTRACTÉE';
      case 'url-unreachable':
        return `l’adresse web n’a pas répondu (${f.status})`;
      case 'url-reachable':
        return 'adresse web vérifiée';
    }
  },
  estimate: 'Estimation automatique',
  disagreement: 'diffère de votre évaluation\u00a0: à revérifier',
  sift: 'Questions à se poser',
};

const es: Texts = {
  questions: {
    primary: '¿Quién elaboró este documento, cuándo y por qué? ¿Estás leyendo el original, una traducción o un resumen?',
    'peer-reviewed': '¿Dónde se publicó y quién lo revisó? ¿Otros especialistas comparten su conclusión o la cuestionan?',
    'scholarly-book': '¿Qué formación tiene el autor y en qué pruebas se basa el libro? ¿Cómo lo valoraron las reseñas?',
    reference: 'Úsala para orientarte y después sigue sus fuentes hasta llegar a las pruebas mismas.',
    news: '¿Es información o es opinión? ¿Otros medios informan de los mismos hechos?',
    opinion: '¿De quién es esta opinión y qué quiere que pienses? ¿Qué pruebas aporta?',
    'state-media': '¿Quién financia este medio y qué busca ese gobierno? Busca información independiente sobre los mismos hechos.',
    'social-media': '¿Quién lo publicó? Rastrea la afirmación hasta el lugar donde apareció por primera vez.',
    unknown: '¿Quién está detrás? Sal de la página y busca información sobre el autor y el editor (lectura lateral). ¿Encuentras la afirmación en una fuente mejor?',
  },
  finding(f) {
    switch (f.code) {
      case 'state-affiliated':
        return `${f.name}: medio vinculado a un Estado${f.country ? ` (${f.country})` : ''}`;
      case 'deprecated':
        return `${f.name}: considerado poco fiable en general`;
      case 'publisher':
        return `publicada por ${f.name}`;
      case 'no-identifier':
        return 'sin DOI, ISBN ni URL';
      case 'no-author':
        return 'sin autor indicado';
      case 'no-date':
        return 'sin fecha';
      case 'untraceable':
        return 'imposible de rastrear: sin autor, fecha ni identificador';
      case 'not-cited':
        return 'en la lista, pero no citada en el texto';
      case 'corroborated':
        return f.count === 1 ? 'corroborada por otra fuente de esta guía' : `corroborada por otras ${f.count} fuentes de esta guía`;
      case 'doi-verified':
        return 'DOI comprobado: el título y el año coinciden';
      case 'doi-mismatch':
        return `el DOI remite a otra obra: «${f.found}»`;
      case 'doi-not-found':
        return 'DOI no encontrado';
      case 'retracted':
        return 'PUBLICACIÓN RETRACTADA';
      case 'url-unreachable':
        return `la dirección web no respondió (${f.status})`;
      case 'url-reachable':
        return 'dirección web comprobada';
    }
  },
  estimate: 'Estimación automática',
  disagreement: 'difiere de tu valoración: revísala',
  sift: 'Pregúntate',
};

const uk: Texts = {
  questions: {
    primary: 'Хто створив цей документ, коли і навіщо? Ти читаєш оригінал, переклад чи стислий виклад?',
    'peer-reviewed': 'Де її опубліковано і хто її рецензував? Чи погоджуються з її висновком інші науковці, чи заперечують його?',
    'scholarly-book': 'Яка фахова підготовка автора і на які докази спирається книжка? Як її оцінили рецензенти?',
    reference: 'Використай його, щоб зорієнтуватися, а потім простеж його джерела аж до самих доказів.',
    news: 'Це новинне повідомлення чи думка? Чи повідомляють ті самі факти інші медіа?',
    opinion: 'Чия це позиція і в чому тебе хочуть переконати? Які докази наводять?',
    'state-media': 'Хто фінансує це медіа і чого хоче цей уряд? Знайди незалежні матеріали про ті самі події.',
    'social-media': 'Хто це опублікував? Простеж твердження до місця, де воно з’явилося вперше.',
    unknown: 'Хто за цим стоїть? Вийди зі сторінки й пошукай відомості про автора та видавця (латеральне читання). Чи можеш ти знайти це твердження в кращому джерелі?',
  },
  finding(f) {
    switch (f.code) {
      case 'state-affiliated':
        return `${f.name}: державне медіа${f.country ? ` (${f.country})` : ''}`;
      case 'deprecated':
        return `${f.name}: вважається загалом ненадійним`;
      case 'publisher':
        return `видавець: ${f.name}`;
      case 'no-identifier':
        return 'немає DOI, ISBN чи URL';
      case 'no-author':
        return 'автора не зазначено';
      case 'no-date':
        return 'без дати';
      case 'untraceable':
        return 'неможливо відстежити: немає ні автора, ні дати, ні ідентифікатора';
      case 'not-cited':
        return 'є в списку, але в тексті не цитується';
      case 'corroborated':
        return f.count === 1 ? 'підтверджує ще одне джерело цього посібника' : `підтверджують інші джерела цього посібника: ${f.count}`;
      case 'doi-verified':
        return 'DOI перевірено: назва і рік збігаються';
      case 'doi-mismatch':
        return `DOI веде до іншої праці: «${f.found}»`;
      case 'doi-not-found':
        return 'DOI не знайдено';
      case 'retracted':
        return 'ПУБЛІКАЦІЮ ВІДКЛИКАНО';
      case 'url-unreachable':
        return `вебадреса не відповіла (${f.status})`;
      case 'url-reachable':
        return 'вебадресу перевірено';
    }
  },
  estimate: 'Автоматична оцінка',
  disagreement: 'відрізняється від вашої оцінки: перевірте ще раз',
  sift: 'Запитай себе',
};

const ru: Texts = {
  questions: {
    primary: 'Кто создал этот документ, когда и зачем? Ты читаешь оригинал, перевод или пересказ?',
    'peer-reviewed': 'Где она опубликована и кто её рецензировал? Согласны ли с её выводом другие учёные или оспаривают его?',
    'scholarly-book': 'Какова квалификация автора и на какие доказательства опирается книга? Как её оценили рецензенты?',
    reference: 'Используй его, чтобы сориентироваться, а затем проследи его источники до самих доказательств.',
    news: 'Это новостное сообщение или мнение? Сообщают ли те же факты другие СМИ?',
    opinion: 'Чья это позиция и в чём тебя хотят убедить? Какие доказательства приводятся?',
    'state-media': 'Кто финансирует это СМИ и чего добивается это правительство? Найди независимые материалы о тех же событиях.',
    'social-media': 'Кто это опубликовал? Проследи утверждение до того места, где оно появилось впервые.',
    unknown: 'Кто за этим стоит? Уйди со страницы и поищи сведения об авторе и издателе (латеральное чтение). Можешь ли ты найти это утверждение в более надёжном источнике?',
  },
  finding(f) {
    switch (f.code) {
      case 'state-affiliated':
        return `${f.name}: государственное СМИ${f.country ? ` (${f.country})` : ''}`;
      case 'deprecated':
        return `${f.name}: считается в целом ненадёжным`;
      case 'publisher':
        return `издатель: ${f.name}`;
      case 'no-identifier':
        return 'нет DOI, ISBN или URL';
      case 'no-author':
        return 'автор не указан';
      case 'no-date':
        return 'без даты';
      case 'untraceable':
        return 'невозможно отследить: нет ни автора, ни даты, ни идентификатора';
      case 'not-cited':
        return 'есть в списке, но в тексте не цитируется';
      case 'corroborated':
        return f.count === 1 ? 'подтверждает ещё один источник этого пособия' : `подтверждают другие источники этого пособия: ${f.count}`;
      case 'doi-verified':
        return 'DOI проверен: название и год совпадают';
      case 'doi-mismatch':
        return `DOI ведёт к другой работе: «${f.found}»`;
      case 'doi-not-found':
        return 'DOI не найден';
      case 'retracted':
        return 'ПУБЛИКАЦИЯ ОТОЗВАНА';
      case 'url-unreachable':
        return `веб-адрес не ответил (${f.status})`;
      case 'url-reachable':
        return 'веб-адрес проверен';
    }
  },
  estimate: 'Автоматическая оценка',
  disagreement: 'расходится с вашей оценкой: проверьте ещё раз',
  sift: 'Спроси себя',
};

const ar: Texts = {
  questions: {
    primary: 'من أنشأ هذه الوثيقة، ومتى، ولماذا؟ هل تقرأ النص الأصلي أم ترجمة أم ملخصًا؟',
    'peer-reviewed': 'أين نُشر هذا المقال ومن حكّمه؟ هل يوافق باحثون آخرون على استنتاجه أم يعترضون عليه؟',
    'scholarly-book': 'ما خبرة المؤلف، وعلى أي أدلة يستند الكتاب؟ كيف قيّمه النقاد؟',
    reference: 'استخدمه لتكوين فكرة أولية، ثم تتبّع مصادره حتى تصل إلى الأدلة نفسها.',
    news: 'هل هذا خبر أم رأي؟ هل تنقل وسائل إعلام أخرى الحقائق نفسها؟',
    opinion: 'وجهة نظر مَن هذه، وبماذا يريد أن يقنعك؟ ما الأدلة التي يقدمها؟',
    'state-media': 'من يموّل هذه الوسيلة الإعلامية، وماذا تريد تلك الحكومة؟ ابحث عن تغطية مستقلة للأحداث نفسها.',
    'social-media': 'من نشر هذا؟ تتبّع الادعاء حتى المكان الذي ظهر فيه أول مرة.',
    unknown: 'من يقف وراءه؟ غادر الصفحة وابحث عن المؤلف والناشر (القراءة الجانبية). هل تجد الادعاء في مصدر أفضل؟',
  },
  finding(f) {
    switch (f.code) {
      case 'state-affiliated':
        return `${f.name}: إعلام تابع للدولة${f.country ? ` (${f.country})` : ''}`;
      case 'deprecated':
        return `${f.name}: يُعدّ غير موثوق عمومًا`;
      case 'publisher':
        return `الناشر: ${f.name}`;
      case 'no-identifier':
        return 'لا يوجد DOI أو ISBN أو URL';
      case 'no-author':
        return 'المؤلف غير مذكور';
      case 'no-date':
        return 'بلا تاريخ';
      case 'untraceable':
        return 'لا يمكن تتبّعه: لا مؤلف ولا تاريخ ولا معرِّف';
      case 'not-cited':
        return 'مدرج في القائمة لكنه غير مستشهد به في النص';
      case 'corroborated':
        return f.count === 1 ? 'يؤكده مصدر آخر في هذا الدليل' : `تؤكده مصادر أخرى في هذا الدليل: ${f.count}`;
      case 'doi-verified':
        return 'تم التحقق من DOI: العنوان والسنة متطابقان';
      case 'doi-mismatch':
        return `يحيل DOI إلى عمل آخر: «${f.found}»`;
      case 'doi-not-found':
        return 'لم يُعثر على DOI';
      case 'retracted':
        return 'منشور مسحوب';
      case 'url-unreachable':
        return `لم يستجب عنوان الويب (${f.status})`;
      case 'url-reachable':
        return 'تم التحقق من عنوان الويب';
    }
  },
  estimate: 'تقدير آلي',
  disagreement: 'يختلف عن تقييمك: راجعه مرة أخرى',
  sift: 'اسأل',
};

// Hebrew: students are addressed in the plural, which leaves their gender open.
const he: Texts = {
  questions: {
    primary: 'מי יצר את המסמך, מתי ולמה? האם אתם קוראים את המקור, תרגום או תקציר?',
    'peer-reviewed': 'היכן פורסם המאמר ומי שפט אותו? האם חוקרים אחרים מסכימים עם מסקנתו או חולקים עליה?',
    'scholarly-book': 'מה המומחיות של המחבר, ועל אילו ראיות נשען הספר? כיצד הוא התקבל בביקורות?',
    reference: 'השתמשו בו כדי להתמצא, ואז עקבו אחר מקורותיו עד הראיות עצמן.',
    news: 'האם זו ידיעה חדשותית או דעה? האם כלי תקשורת אחרים מדווחים על אותן עובדות?',
    opinion: 'של מי העמדה הזו, ובמה מנסים לשכנע אתכם? אילו ראיות מובאות?',
    'state-media': 'מי מממן את כלי התקשורת הזה, ומה רוצה הממשלה שמאחוריו? חפשו סיקור עצמאי של אותם אירועים.',
    'social-media': 'מי פרסם את זה? עקבו אחר הטענה עד המקום שבו הופיעה לראשונה.',
    unknown: 'מי עומד מאחוריו? צאו מהדף וחפשו מידע על המחבר ועל המוציא לאור (קריאה רוחבית). האם תוכלו למצוא את הטענה במקור טוב יותר?',
  },
  finding(f) {
    switch (f.code) {
      case 'state-affiliated':
        return `${f.name}: תקשורת מטעם המדינה${f.country ? ` (${f.country})` : ''}`;
      case 'deprecated':
        return `${f.name}: נחשב בדרך כלל לא מהימן`;
      case 'publisher':
        return `מוציא לאור: ${f.name}`;
      case 'no-identifier':
        return 'אין DOI, ISBN או URL';
      case 'no-author':
        return 'לא מצוין מחבר';
      case 'no-date':
        return 'ללא תאריך';
      case 'untraceable':
        return 'לא ניתן להתחקות: אין מחבר, תאריך או מזהה';
      case 'not-cited':
        return 'מופיע ברשימה אך לא מצוטט בטקסט';
      case 'corroborated':
        return f.count === 1 ? 'מאושש על ידי מקור נוסף במדריך זה' : `מאושש על ידי ${f.count} מקורות נוספים במדריך זה`;
      case 'doi-verified':
        return 'ה-DOI נבדק: הכותרת והשנה תואמות';
      case 'doi-mismatch':
        return `ה-DOI מוביל ליצירה אחרת: "${f.found}"`;
      case 'doi-not-found':
        return 'ה-DOI לא נמצא';
      case 'retracted':
        return 'הפרסום נמשך';
      case 'url-unreachable':
        return `כתובת האתר לא הגיבה (${f.status})`;
      case 'url-reachable':
        return 'כתובת האתר נבדקה';
    }
  },
  estimate: 'הערכה אוטומטית',
  disagreement: 'שונה מהדירוג שלך: כדאי לבדוק שוב',
  sift: 'שאלו',
};

const all: Record<string, Texts> = { en, de, fr, es, uk, ru, ar, he };

export function reliabilityTexts(lang: string): Texts {
  return all[lang.split('-')[0]?.toLowerCase() ?? 'en'] ?? en;
}
