import { describe, expect, it } from 'vitest';
import { collectCitations, parseLocator } from '../src/citations.js';
import { formatDiagnostic, Reporter } from '../src/diagnostics.js';
import { parseMarkdown } from '../src/parse.js';
import { splitSections } from '../src/sections/split.js';

function cite(markdown: string, keys = ['kramer2009', 'sarotte2021', 'a.b-c'], hasLibrary = true) {
  const reporter = new Reporter('/g/guide.md');
  const tree = parseMarkdown(markdown);
  const clusters = collectCitations(tree, { source: markdown, knownKeys: new Set(keys), hasLibrary, reporter });
  return { clusters, messages: reporter.diagnostics.map((d) => formatDiagnostic(d, '/g')), tree };
}

describe('Pandoc citations', () => {
  it('reads every form', () => {
    const { clusters, messages } = cite('A [@kramer2009]. B [@kramer2009, p. 12]. C [see @kramer2009; @sarotte2021, pp. 3-4]. D @sarotte2021 says. E [-@a.b-c].');
    expect(messages).toEqual([]);
    expect(clusters.map((c) => c.items.map((i) => i.key))).toEqual([['kramer2009'], ['kramer2009'], ['kramer2009', 'sarotte2021'], ['sarotte2021'], ['a.b-c']]);
    expect(clusters[1]?.items[0]).toMatchObject({ locator: '12', label: 'page' });
    expect(clusters[2]?.items[0]?.prefix).toBe('see');
    expect(clusters[3]?.narrative).toBe(true);
    expect(clusters[4]?.items[0]?.suppressAuthor).toBe(true);
  });

  it('reports an unknown key at its line and column', () => {
    const { messages } = cite('---\ntitle: x\n---\n\nText here\nand (Johnson) [@johnson2023] too.\n');
    expect(messages).toEqual(['guide.md:6:15: unknown citation key "johnson2023"; write \\@ for an @ that is not a citation']);
  });

  it('suggests a close key', () => {
    expect(cite('[@kramer2090]').messages[0]).toContain('(did you mean "kramer2009"?)');
  });

  it('leaves e-mail addresses, code and escaped @ alone', () => {
    const { clusters, messages } = cite('Mail me@school.org or `@kramer2009` or \\@handle.');
    expect(messages).toEqual([]);
    expect(clusters).toEqual([]);
  });

  it('leaves the text of links alone', () => {
    const { clusters, messages } = cite('By **[@kramer2009](https://example.org/kramer)** and [@nobody][profile].\n\n[profile]: https://example.org/nobody\n');
    expect(messages).toEqual([]);
    expect(clusters).toEqual([]);
  });

  it('prints a bare @name as written when the guide has no references file, with a warning', () => {
    const { clusters, messages, tree } = cite('Follow @studyguide_app for news.', [], false);
    expect(clusters).toEqual([]);
    expect(messages).toEqual(['guide.md:1:8: warning: "@studyguide_app" is printed as written: the guide has no references file to cite from (write \\@ to silence this, or name a references file with "references:" in the front matter)']);
    expect(JSON.stringify(tree)).toContain('Follow @studyguide_app for news.');
  });

  it('still fails a bracketed citation when the guide has no references file', () => {
    const { clusters, messages } = cite('As shown [@kramer2009].', [], false);
    expect(clusters).toEqual([]);
    expect(messages).toEqual(['guide.md:1:10: citation "@kramer2009" but the guide has no references file (name one with "references:" in the front matter)']);
  });

  it('parses locators', () => {
    expect(parseLocator('pp. 33-35, emphasis added')).toEqual({ label: 'page', locator: '33-35', suffix: ', emphasis added' });
    expect(parseLocator('chap. 2')).toEqual({ label: 'chapter', locator: '2' });
    expect(parseLocator('12')).toEqual({ label: 'page', locator: '12' });
  });
});

describe('the section a citation is in', () => {
  it('is named as the section is, so that "cited in" finds it', () => {
    const markdown = '## The  crisis of 1954 [![Badge](badge.svg)](https://example.org)\n\nText [@kramer2009].\n';
    const { clusters } = cite(markdown);
    expect(clusters[0]?.section).toBe(splitSections(parseMarkdown(markdown)).sections[0]?.title);
    expect(clusters[0]?.section).toBe('The crisis of 1954');
  });
});
