/**
 * Stage 6: the data a template sees for one edition. Everything from the guide is plain
 * text (Handlebars escapes it); only HTML made by the pipeline is marked safe.
 */
import Handlebars from 'handlebars';
import type { Guide } from './guide.js';
import { formatEditionCitations } from './references/format.js';
import { themeCss, type Theme } from './theme.js';
import { reliabilityTexts } from './reliability/texts.js';
import { FootnoteNumbers } from './footnotes.js';
import { renderHtml, renderInline, type Edition, type RenderContext } from './html.js';
import { labelsFor, type Labels } from './i18n.js';
import { formatPartialDate, formatRange, isoDate, parsePartialDate } from './sections/dates.js';
import type { TimelineEvent } from './sections/timeline.js';
import { timelineSpacing, type EventSpacing } from './sections/timeline-spacing.js';
import type { SourceRow } from './reliability/index.js';
import { pageNumberPlaceholder } from './page-numbers.js';
import type { PageNumbers } from './pagerefs.js';

type Html = Handlebars.SafeString;
const html = (s: string): Html => new Handlebars.SafeString(s);

const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv']);

export interface ViewOptions {
  edition: Edition;
  paper: 'a4' | 'letter';
  /** Theme variables from the config file; the guide's own front matter wins over them. */
  theme?: Theme;
  /** A table of contents after the cover (default: true; it needs two entries or more). */
  toc?: boolean;
  /** Pages of link targets from an earlier print, 'pending' in the first print, absent for HTML only (src/pagerefs.ts). */
  pages?: PageNumbers;
}

/** Ids of the parts after the sections, for the table of contents' links (layout.hbs wraps them). */
const anchors = { notes: 'notes', references: 'references', appendix: 'appendix' } as const;

export function buildView(guide: Guide, options: ViewOptions) {
  const labels = labelsFor(guide.meta.lang);
  // Note numbers and "ibid." follow what this edition prints (src/references/format.ts).
  const citations = formatEditionCitations(guide.library, guide.clusters, options.edition, guide.meta.lang, guide.style);
  const footnotes = new FootnoteNumbers(guide.footnotes, citations.notes.length + 1);
  const ctx: RenderContext = { edition: options.edition, clusters: citations.clusters, labels, footnotes };
  const isTeacher = options.edition === 'teacher';
  const date = guide.meta.date ? parsePartialDate(guide.meta.date) : undefined;
  let questionNumber = 0;
  const sections = guide.sections.map((s, index) => {
    const base = {
      kind: s.kind,
      id: `section-${index + 1}`,
      title: s.section.title,
      hasTitle: s.section.heading !== undefined,
      isBody: s.kind === 'body',
      isTimeline: s.kind === 'timeline',
      isGlossary: s.kind === 'glossary',
      isQuestions: s.kind === 'questions',
    };
    switch (s.kind) {
      case 'body':
        return { ...base, html: html(renderHtml(s.section.nodes, ctx)) };
      case 'timeline':
        return {
          ...base,
          intro: html(renderHtml(s.timeline.intro, ctx)),
          events: withSpacing(s.timeline.events, guide.meta.lang).map(({ event: e, spacing }) => ({
            date: formatRange(e.start, e.end, guide.meta.lang),
            datetime: isoDate(e.start),
            html: html(renderHtml(e.content, ctx)),
            ...spacing,
          })),
        };
      case 'glossary':
        return {
          ...base,
          intro: html(renderHtml(s.glossary.intro, ctx)),
          entries: s.glossary.entries.map((e) => ({ term: html(renderInline(e.term, ctx)), html: html(renderHtml(e.definition, ctx)) })),
        };
      case 'questions':
        return {
          ...base,
          intro: html(renderHtml(s.questions.intro, ctx)),
          questions: s.questions.questions.map((q) => ({
            number: ++questionNumber,
            html: html(renderHtml(q.content, ctx)),
            answer: isTeacher && q.answer.length > 0 ? html(renderHtml(q.answer, ctx)) : undefined,
            lines: q.lines,
          })),
        };
    }
  });
  // The notes of a note citation style, then the footnotes this edition referred to (src/footnotes.ts).
  const notes = [
    ...citations.notes,
    ...footnotes.notes((nodes) => {
      const [only] = nodes;
      return nodes.length === 1 && only?.type === 'paragraph' ? renderInline(only.children, ctx) : renderHtml(nodes, ctx);
    }),
  ];

  const rows = guide.sources;
  const names = new Map(rows.map((r) => [r.id, shortLabel(guide, r.id)]));
  const pageOf = (id: string | undefined) => pageText(options.pages, id);
  const tocEntries = [
    ...sections.filter((s) => s.hasTitle).map((s) => ({ id: s.id, title: s.title })),
    ...(notes.length > 0 ? [{ id: anchors.notes, title: labels.notes }] : []),
    ...(citations.bibliography.length > 0 ? [{ id: anchors.references, title: labels.references }] : []),
    ...(rows.length > 0 ? [{ id: anchors.appendix, title: labels.appendix }] : []),
  ].map((e) => ({ ...e, page: pageOf(e.id) }));
  const hasToc = options.toc !== false && tocEntries.length >= 2;
  const sectionIds = new Map<string, string>();
  for (const s of sections) if (s.hasTitle && !sectionIds.has(s.title)) sectionIds.set(s.title, s.id);
  const citedInRefs = (r: SourceRow) => r.citedIn.map((title) => ({ title, id: sectionIds.get(title), page: pageOf(sectionIds.get(title)) }));
  return {
    edition: options.edition,
    isTeacher,
    isStudent: !isTeacher,
    lang: guide.meta.lang,
    dir: rtlLanguages.has(guide.meta.lang.split('-')[0] ?? '') ? 'rtl' : 'ltr',
    labels,
    paper: options.paper,
    themeCss: html(themeCss(options.theme, guide.meta.theme)),
    paperSize: options.paper === 'letter' ? 'letter' : 'A4',
    slug: guide.slug,
    meta: {
      ...guide.meta,
      author: guide.meta.authors.join(', '),
      dateText: date ? formatPartialDate(date, guide.meta.lang) : undefined,
      keywordsText: guide.meta.keywords.join(', '),
    },
    editionLabel: isTeacher ? labels.teacherEdition : labels.studentEdition,
    sections,
    bibliography: {
      relied: citations.bibliography.filter((b) => !isExamined(guide, b.id)).map((b) => ({ id: b.id, html: html(b.html) })),
      examined: citations.bibliography.filter((b) => isExamined(guide, b.id)).map((b) => ({ id: b.id, html: html(b.html) })),
    },
    hasBibliography: citations.bibliography.length > 0,
    notes: notes.map((n) => ({ number: n.number, html: html(n.html) })),
    hasNotes: notes.length > 0,
    sources: rows.map((r) => ({ ...sourceView(r, labels, names, guide.meta.lang), citedInRefs: citedInRefs(r) })),
    hasSources: rows.length > 0,
    toc: { title: labels.contents, entries: tocEntries },
    hasToc,
    anchors,
    /** True when this edition prints page numbers (a table of contents, or "cited in" with pages), so it is printed twice. */
    needsPageNumbers: hasToc || (isTeacher && rows.some((r) => r.citedIn.some((t) => sectionIds.has(t)))),
  };
}

/** Each timeline event with the space (or the break in the axis) after it. */
function withSpacing(events: readonly TimelineEvent[], lang: string): { event: TimelineEvent; spacing: EventSpacing }[] {
  const spacing = timelineSpacing(events.map((e) => e.start), lang);
  return events.map((event, i) => ({ event, spacing: spacing[i] ?? {} }));
}

function isExamined(guide: Guide, id: string): boolean {
  return guide.library?.entries.get(id)?.assessment.examined ?? false;
}

/**
 * "Kramer 2009" for the appendix: who and when, from the entry's CSL data. A work with no
 * author is named by its title, as author-date styles do, with its container beside it.
 */
function shortLabel(guide: Guide, id: string): { who: string; title: string } {
  const csl = guide.library?.entries.get(id)?.csl;
  if (!csl) return { who: id, title: '' };
  const people = csl.author ?? csl.editor ?? [];
  const name = (n: (typeof people)[number] | undefined) => n?.family ?? n?.literal ?? '';
  let who = name(people[0]);
  if (who && people.length === 2) who += ` & ${name(people[1])}`;
  else if (who && people.length > 2) who += ' et al.';
  const year = csl.issued?.['date-parts']?.[0]?.[0];
  const when = year === undefined || year === null || year === '' ? '' : ` ${String(year)}`;
  if (who) return { who: `${who}${when}`, title: csl.title ?? '' };
  const title = csl.title ?? id;
  const container = String(csl['container-title'] ?? csl.publisher ?? '');
  return { who: `${title.length > 70 ? `${title.slice(0, 67)}…` : title}${when}`, title: container };
}

function sourceView(r: SourceRow, labels: Labels, names: Map<string, { who: string; title: string }>, lang: string) {
  const texts = reliabilityTexts(lang);
  const warningLabel = r.label?.label === 'state-affiliated' || r.label?.label === 'deprecated';
  const name = names.get(r.id) ?? { who: r.id, title: '' };
  const checks: string[] = [r.citedCount > 0 ? `${labels.citedTimes} ${r.citedCount}×` : labels.notCited];
  if (r.identifier) checks.push(r.identifier.kind);
  checks.push(...r.auto.findings.filter((f) => f.code !== 'not-cited' && f.code !== 'corroborated').map((f) => texts.finding(f)));
  return {
    ...r,
    who: name.who,
    title: name.title,
    typeLabel: labels.types[r.type],
    hasRating: r.rating !== undefined,
    ratingLabel: r.rating !== undefined ? labels.ratings[r.rating] : labels.notAssessed,
    checks,
    citedInText: r.citedIn.join('; '),
    corroboratedText: r.corroboratedBy.map((k) => names.get(k)?.who ?? k).join('; '),
    weak: r.rating !== undefined && r.rating <= 1,
    question: texts.questions[r.type],
    askLabel: texts.sift,
    // What the shipped label says matters most where it warns; elsewhere the teacher's reasons speak.
    labelNote: warningLabel || !r.reasons ? r.label?.note : undefined,
    labelSource: warningLabel ? r.label?.source : undefined,
    autoRating: r.auto.rating,
    autoRatingLabel: labels.ratings[r.auto.rating],
    estimateLabel: texts.estimate,
    disagreementText: r.disagreement ? texts.disagreement : undefined,
  };
}

export type View = ReturnType<typeof buildView>;

/** A page number as printed: known after a first print; a one-digit placeholder during it; none in HTML only. */
function pageText(pages: PageNumbers | undefined, id: string | undefined): Handlebars.SafeString | string | undefined {
  if (pages === undefined || id === undefined) return undefined;
  return pages === 'pending' ? pageNumberPlaceholder(id) : pages.get(id)?.toString();
}

/**
 * The same view with other page numbers. Only the table of contents and "cited in" show
 * pages, so a second print need not format the citations again (src/pagerefs.ts).
 */
export function withPages(view: View, pages: PageNumbers | undefined): View {
  return {
    ...view,
    toc: { ...view.toc, entries: view.toc.entries.map((e) => ({ ...e, page: pageText(pages, e.id) })) },
    sources: view.sources.map((s) => ({ ...s, citedInRefs: s.citedInRefs.map((r) => ({ ...r, page: pageText(pages, r.id) })) })),
  };
}
