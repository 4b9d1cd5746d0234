import { describe, expect, it } from 'vitest';
import { compareDates, formatPartialDate, formatRange, leadingDate, parsePartialDate } from '../../src/sections/dates.js';

describe('dates', () => {
  it('parses full, month and year dates and eras', () => {
    expect(parsePartialDate('1954-03-31')).toEqual({ year: 1954, month: 3, day: 31 });
    expect(parsePartialDate('1954-03')).toEqual({ year: 1954, month: 3 });
    expect(parsePartialDate('1954')).toEqual({ year: 1954 });
    expect(parsePartialDate('44 BCE')).toEqual({ year: -44 });
    expect(parsePartialDate('1954-02-30')).toBeUndefined();
    expect(parsePartialDate('1954-13')).toBeUndefined();
  });

  it('sorts a year before its months and days', () => {
    const dates = ['1954-03-31', '1954', '1949-04-04', '1954-03', '44 BCE'].map((d) => parsePartialDate(d)!);
    dates.sort(compareDates);
    expect(dates.map((d) => d.year)).toEqual([-44, 1949, 1954, 1954, 1954]);
    expect(dates[2]).toEqual({ year: 1954 });
  });

  it('formats in the guide language', () => {
    expect(formatPartialDate({ year: 1954, month: 3, day: 31 }, 'en-GB')).toBe('31 March 1954');
    expect(formatPartialDate({ year: 1954, month: 3, day: 31 }, 'de')).toBe('31. März 1954');
    expect(formatPartialDate({ year: 1954, month: 3 }, 'en')).toBe('March 1954');
    expect(formatRange({ year: 1954, month: 1, day: 25 }, { year: 1954, month: 2, day: 18 }, 'en-GB').replace(/\s/g, ' ')).toBe('25 January – 18 February 1954');
  });

  it('finds a leading date or range', () => {
    expect(leadingDate.exec('1954-01-25/1954-02-18 — x')?.slice(1, 3)).toEqual(['1954-01-25', '1954-02-18']);
    expect(leadingDate.exec('1954: x')?.[1]).toBe('1954');
    expect(leadingDate.exec('In 1954 x')).toBeNull();
  });
});
