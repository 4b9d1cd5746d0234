/** Dates as history teachers write them: `1954-03-31`, `1954-03`, `1954`, `44 BCE`, and ranges. */

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const one = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{1,4}(?:\s?(?:BCE|BC|CE|AD))?)`;
/** A date or a range (`/` as in ISO 8601, or an en dash), anchored at the start. */
export const leadingDate = new RegExp(String.raw`^\s*(${one})(?:\s*(?:/|–|—|\bto\b)\s*(${one}))?(?=$|[\s:—–,.)-])`);

export function parsePartialDate(text: string): PartialDate | undefined {
  const era = /\s?(BCE|BC|CE|AD)$/.exec(text);
  const body = era ? text.slice(0, era.index) : text;
  const m = /^(\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(body);
  if (!m) return undefined;
  let year = Number(m[1]);
  if (era && (era[1] === 'BCE' || era[1] === 'BC')) year = -year;
  const date: PartialDate = { year };
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    date.month = month;
  }
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    if (day < 1 || day > daysInMonth(year, date.month ?? 1)) return undefined;
    date.day = day;
  }
  return date;
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** A number that sorts dates in time order; a year sorts before its months and days. */
export function sortKey(d: PartialDate): number {
  return d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0);
}

export function compareDates(a: PartialDate, b: PartialDate): number {
  return sortKey(a) - sortKey(b);
}

/** Formats a date in the guide's language: "31 March 1954" (en-GB), "31. März 1954" (de). */
export function formatPartialDate(d: PartialDate, lang: string): string {
  if (d.year <= 0 || d.year < 1000) {
    const y = d.year <= 0 ? `${Math.abs(d.year)} BCE` : String(d.year);
    if (d.month === undefined) return y;
  }
  return formatter(lang, d).format(toDate(d));
}

/** Date formats by language and shape: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, d: PartialDate): Intl.DateTimeFormat {
  const key = `${lang}|${d.month !== undefined ? 'm' : ''}${d.day !== undefined ? 'd' : ''}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (d.month !== undefined) options.month = 'long';
    if (d.day !== undefined) options.day = 'numeric';
    try {
      f = new Intl.DateTimeFormat(lang, options);
    } catch {
      f = new Intl.DateTimeFormat('en', options);
    }
    formatters.set(key, f);
  }
  return f;
}

export function formatRange(start: PartialDate, end: PartialDate | undefined, lang: string): string {
  if (!end) return formatPartialDate(start, lang);
  const sameShape = (start.month === undefined) === (end.month === undefined) && (start.day === undefined) === (end.day === undefined);
  if (sameShape && start.year >= 1000) {
    // "25 January – 18 February 1954" rather than repeating the year.
    try {
      return formatter(lang, start).formatRange(toDate(start), toDate(end));
    } catch {
      // Fall through to the plain form.
    }
  }
  return `${formatPartialDate(start, lang)} – ${formatPartialDate(end, lang)}`;
}

function toDate(d: PartialDate): Date {
  const date = new Date(0);
  date.setUTCFullYear(d.year, (d.month ?? 1) - 1, d.day ?? 1);
  return date;
}

/** ISO-like machine form for `<time datetime>`. */
export function isoDate(d: PartialDate): string {
  const y = d.year < 0 ? `-${String(-d.year).padStart(4, '0')}` : String(d.year).padStart(4, '0');
  return [y, d.month && String(d.month).padStart(2, '0'), d.day && String(d.day).padStart(2, '0')].filter(Boolean).join('-');
}
