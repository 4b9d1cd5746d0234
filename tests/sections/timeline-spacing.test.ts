import { describe, expect, it } from 'vitest';
import { spaceFor, timelineSpacing } from '../../src/sections/timeline-spacing.js';

describe('timeline spacing', () => {
  it('grows with the time between events, on a log scale, up to a limit', () => {
    expect(spaceFor(0)).toBe(0);
    expect(spaceFor(1)).toBe(1.2);
    expect(spaceFor(12)).toBe(5.6);
    expect(spaceFor(119)).toBe(8);
    const sizes = [1, 3, 6, 12, 24, 60].map(spaceFor);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });

  it('breaks the axis for ten years or more, written in the guide language', () => {
    const dates = [{ year: 1954, month: 3, day: 31 }, { year: 1954, month: 5, day: 7 }, { year: 1955 }, { year: 1990, month: 2 }];
    expect(timelineSpacing(dates, 'en')).toEqual([{ spaceAfter: 2 }, { spaceAfter: 4.6 }, { gapAfter: '35 years' }, {}]);
    expect(timelineSpacing(dates, 'de')[2]).toEqual({ gapAfter: '35 Jahre' });
    expect(timelineSpacing(dates, 'uk')[2]).toEqual({ gapAfter: '35 років' });
    expect(timelineSpacing([{ year: -44 }, { year: 14 }], 'en')).toEqual([{ gapAfter: '58 years' }, {}]);
    expect(timelineSpacing([{ year: 1954, month: 3 }, { year: 1954, month: 3 }], 'en')).toEqual([{}, {}]);
  });
});
