/**
 * A timeline's axis "proportional where sensible": the space between two events grows with the
 * time between them, on a logarithmic scale (a month apart: about 1 mm more; a year: about
 * 5.6 mm; at most 8 mm), so that a cluster of events reads as a cluster and a quiet decade as a
 * gap, without a 35-year gap taking a page. A gap of ten years or more is drawn as a break in
 * the axis with its length written beside it ("35 years"), in the guide's language.
 */
import type { PartialDate } from './dates.js';

export interface EventSpacing {
  /** Extra space after the event, in millimetres (absent when the next event is close or there is none). */
  spaceAfter?: number;
  /** The break in the axis after the event, written out ("35 years"); absent when there is none. */
  gapAfter?: string;
}

/** Gaps of at least this many months are a break in the axis. */
const breakMonths = 120;
const maxSpace = 8;

/** The spacing after each event of a timeline (in date order), for a guide in `lang`. */
export function timelineSpacing(starts: readonly PartialDate[], lang: string): EventSpacing[] {
  return starts.map((start, i) => {
    const next = starts[i + 1];
    if (!next) return {};
    const months = monthIndex(next) - monthIndex(start);
    if (months >= breakMonths) return { gapAfter: years(Math.round(months / 12), lang) };
    const space = spaceFor(months);
    return space > 0 ? { spaceAfter: space } : {};
  });
}

/** Extra space for a gap of `months`, in millimetres, rounded to a tenth. */
export function spaceFor(months: number): number {
  if (months < 1) return 0;
  return Math.round(Math.min(maxSpace, 2 * Math.log2(1 + months / 2)) * 10) / 10;
}

/** Months since year 0, counting a date without a month as its January (days are close enough). */
function monthIndex(date: PartialDate): number {
  return date.year * 12 + (date.month ?? 1) - 1;
}

const formats = new Map<string, Intl.NumberFormat>();

/** "35 years", "35 Jahre", "35 ans", "35 років", … */
function years(count: number, lang: string): string {
  let format = formats.get(lang);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang, { style: 'unit', unit: 'year', unitDisplay: 'long' });
    } catch {
      format = new Intl.NumberFormat('en', { style: 'unit', unit: 'year', unitDisplay: 'long' });
    }
    formats.set(lang, format);
  }
  return format.format(count);
}
