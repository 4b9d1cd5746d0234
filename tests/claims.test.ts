import { describe, expect, it } from 'vitest';
import { markClaims, verdictOf } from '../src/claims.js';
import { formatDiagnostic, Reporter } from '../src/diagnostics.js';
import { restoreDirectives } from '../src/directives.js';
import { renderHtml } from '../src/html.js';
import { labelsFor } from '../src/i18n.js';
import { parseMarkdown } from '../src/parse.js';

describe('claims tables', () => {
  it('sorts verdicts in several languages', () => {
    expect(['Accurate', 'Inaccurate', 'Misleading', 'One-sided', 'Unverifiable', 'Debated', '**False**', 'Irreführend', 'Nicht überprüfbar', 'Хибно'].map(verdictOf)).toEqual([
      'accurate', 'inaccurate', 'misleading', 'misleading', 'unverifiable', 'other', 'inaccurate', 'misleading', 'unverifiable', 'inaccurate',
    ]);
  });

  it('marks each verdict cell for printing', () => {
    const md = ':::claims\n| Claim | Evidence | Verdict | Sources |\n|---|---|---|---|\n| A | B | Inaccurate | — |\n| C | D | Accurate | — |\n:::\n';
    const reporter = new Reporter('/g/guide.md');
    const tree = parseMarkdown(md);
    restoreDirectives(tree, md, reporter);
    markClaims(tree, reporter);
    expect(reporter.diagnostics).toEqual([]);
    const html = renderHtml(tree.children, { edition: 'student', clusters: [], labels: labelsFor('en') });
    expect(html).toContain('<table class="claims">');
    expect(html).toContain('<td class="verdict verdict-inaccurate">Inaccurate</td>');
    expect(html).toContain('<td class="verdict verdict-accurate">Accurate</td>');
  });

  it('warns about a claims block without a table', () => {
    const md = 'Intro\n\n:::claims\nJust text.\n:::\n';
    const reporter = new Reporter('/g/guide.md');
    const tree = parseMarkdown(md);
    markClaims(tree, reporter);
    expect(reporter.diagnostics.map((d) => formatDiagnostic(d, '/g'))).toEqual(['guide.md:3:1: warning: a :::claims block needs a table: | Claim | What the evidence says | Verdict | Sources |']);
  });
});
