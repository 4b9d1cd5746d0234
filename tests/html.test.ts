/** Markdown fragments to safe HTML: the same HTML whether or not a fragment holds raw HTML. */
import { describe, expect, it } from 'vitest';
import { collectCitations } from '../src/citations.js';
import { restoreDirectives } from '../src/directives.js';
import { Reporter } from '../src/diagnostics.js';
import { extractFootnotes, FootnoteNumbers } from '../src/footnotes.js';
import { renderHtml } from '../src/html.js';
import { labelsFor } from '../src/i18n.js';
import { parseMarkdown } from '../src/parse.js';

const ctx = { edition: 'teacher' as const, clusters: [], labels: labelsFor('en') };

function fragment(md: string) {
  const tree = parseMarkdown(md);
  restoreDirectives(tree, md, new Reporter('/g/guide.md'));
  return tree.children;
}

describe('renderHtml', () => {
  // Fragments without raw HTML skip rehype-raw's re-parse; a comment (dropped by the
  // sanitiser) sends the same fragment through it, and the HTML must not differ.
  const samples = {
    inline: 'Text with *emphasis*, **strong**, ~~strike~~, `code <b>`, [a link](https://example.org "t"), https://example.org, entities &copy; &amp;amp; &#x2014; and a hard break  \nhere. Emoji 🎉, a tab\there, and < > & " \'.',
    table: '| Left | Centre | Right |\n|:--|:-:|--:|\n| a \\| pipe | `x` | **b** |\n| | empty | cells |',
    lists: '- [ ] task\n- [x] done\n  1. nested\n  2. list\n\n     with a paragraph\n\n> quote\n> > nested',
    code: '```js\nconst x = "<script>alert(1)</script>";\n```\n\n    indented <code>\n\n***',
    definitions: 'Term\n: Definition with *markup*\n\nOther term\n: Another',
    directives: ':::teacher\nA note with a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n:::\n\n:::student\nFor students.\n:::',
    image: '![An image](img/map.png "Title")',
  };
  it.each(Object.entries(samples))('gives the same HTML with or without the raw-HTML pass: %s', (_name, md) => {
    const plain = renderHtml(fragment(md), ctx);
    const viaRaw = renderHtml(fragment(`${md}\n\n<!-- raw -->`), ctx);
    expect(plain.length).toBeGreaterThan(0);
    // The comment is dropped, the line break before it stays.
    expect(viaRaw.trimEnd()).toBe(plain);
  });

  it('gives a citation the HTML the raw-HTML pass would give its CSL text, sanitised', () => {
    // What CSL may return: entities, italics, small caps by style, and (from a hostile
    // references file) markup that must not survive.
    const csl = '(Kramer &amp; Sarotte, 2009, p. <i>40</i>; <span style="font-variant:small-caps;">Nato</span> <b onclick="x()">2019</b><script>alert(1)</script>)';
    const md = 'As argued [@kramer2009, p. 40], and so on.';
    const tree = parseMarkdown(md);
    collectCitations(tree, { source: md, knownKeys: new Set(['kramer2009']), hasLibrary: true, reporter: new Reporter('/g/guide.md') });
    const cited = renderHtml(tree.children, { ...ctx, clusters: [csl] });
    // The same text written as raw HTML in the Markdown goes through rehype-raw.
    const raw = renderHtml(fragment(`As argued <span class="citation" data-cites="kramer2009">${csl}</span>, and so on.`), ctx);
    expect(cited).toBe(raw);
    expect(cited).toContain('(Kramer &#x26; Sarotte, 2009, p. <i>40</i>;');
    expect(cited).not.toMatch(/onclick|<script|alert/);
  });

  it('still sanitises raw HTML', () => {
    const html = renderHtml(fragment('Before <b onclick="x()">bold</b> <script>alert(1)</script> <img src="a.png" onerror="x()"> after'), ctx);
    expect(html).toContain('<b>bold</b>');
    expect(html).not.toMatch(/onclick|onerror|<script|alert/);
  });

  it('keeps images written into the text as data, and no other data address', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const html = renderHtml(fragment(`![A box](${png}) <a href="data:text/html,<b>x</b>">link</a> <iframe src="data:text/html,x"></iframe>`), ctx);
    expect(html).toContain(`<img src="${png}" alt="A box">`);
    expect(html).toContain('<a>link</a>');
    expect(html).not.toMatch(/iframe|text\/html/);
  });

  it('gives a fragment rendered again the HTML of a fresh render, whatever changed for it', () => {
    // The HTML of a fragment is kept for the next render of the same fragment (the other
    // edition): a teacher block, footnote numbers, labels and citations must still count.
    const md = 'Text[^n] and [@kramer2009].\n\n:::teacher\nA note[^m].\n:::\n\n:::answer\nAn answer.\n:::\n\n[^m]: M.\n[^n]: N.';
    const tree = parseMarkdown(md);
    const reporter = new Reporter('/g/guide.md');
    restoreDirectives(tree, md, reporter);
    collectCitations(tree, { source: md, knownKeys: new Set(['kramer2009']), hasLibrary: true, reporter });
    const notes = extractFootnotes(tree, reporter);
    const nodes = tree.children;
    // Each context differs from the one before in one thing only; the last is the first again.
    const contexts = [
      { edition: 'student' as const, cluster: '(Kramer, 2009)', first: 1, lang: 'en' },
      { edition: 'teacher' as const, cluster: '(Kramer, 2009)', first: 1, lang: 'en' },
      { edition: 'teacher' as const, cluster: '(Kramer, 2009)', first: 4, lang: 'en' },
      { edition: 'teacher' as const, cluster: '[1]', first: 4, lang: 'en' },
      { edition: 'teacher' as const, cluster: '[1]', first: 4, lang: 'de' },
      { edition: 'student' as const, cluster: '(Kramer, 2009)', first: 1, lang: 'en' },
    ].map((c) => () => ({ edition: c.edition, clusters: [c.cluster], labels: labelsFor(c.lang), footnotes: new FootnoteNumbers(notes, c.first) }));
    const seen = new Set<string>();
    for (const c of contexts) {
      const again = renderHtml(nodes, c());
      expect(again).toBe(renderHtml(structuredClone(nodes), c()));
      seen.add(again);
    }
    expect(seen.size).toBe(5);
    // A block only one edition shows, without a label.
    const student = fragment(':::student\nFor students.\n:::');
    expect(renderHtml(student, { ...ctx, edition: 'student' })).toContain('For students.');
    expect(renderHtml(student, { ...ctx, edition: 'teacher' })).toBe('');
  });
});

