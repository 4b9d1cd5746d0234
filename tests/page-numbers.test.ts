/** Page-number placeholders that can be filled in a loaded document. */
import { describe, expect, it } from 'vitest';
import { fillPageNumbers, pageNumberPlaceholder } from '../src/page-numbers.js';

describe('page-number placeholders', () => {
  it('are filled with the pages, and left out where a page is unknown, as the templates print them', () => {
    const html = `<li>${String(pageNumberPlaceholder('section-1'))}</li><li>(p.&nbsp;${String(pageNumberPlaceholder('notes'))})</li><li>${String(pageNumberPlaceholder('gone'))}</li>`;
    expect(html).toBe('<li><!--page:section-1-->0<!--/page--></li><li>(p.&nbsp;<!--page:notes-->0<!--/page-->)</li><li><!--page:gone-->0<!--/page--></li>');
    expect(fillPageNumbers(html, new Map([['section-1', 2], ['notes', 14]]))).toEqual({ html: '<li>2</li><li>(p.&nbsp;14)</li><li></li>', count: 3 });
  });

  it('are a plain 0 for an id that could not be found again', () => {
    expect(pageNumberPlaceholder('a b"c')).toBe('0');
  });
});
