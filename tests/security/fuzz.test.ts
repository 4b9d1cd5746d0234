/**
 * Property-based tests: random and adversarial guides, front matter and references go through
 * the whole pipeline short of the browser (parse, check, cite, render both editions, template).
 * Each ends in HTML or in diagnostics, never an uncaught exception or a hang. Every example of
 * the CommonMark specification is run through it too.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGuide } from '../../src/guide.js';
import { loadTemplates, type TemplateSet } from '../../src/templates.js';
import { buildView } from '../../src/view.js';
import { loadCsl } from '../../src/references/format.js';

// Citations are formatted here without the build, which loads the CSL processor itself.
beforeAll(loadCsl);

const spec = (await import('commonmark-spec')).default;

let dir: string;
let templates: TemplateSet;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'studyguide-fuzz-'));
  templates = await loadTemplates([]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function pipeline(files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  const guide = await loadGuide(path.join(dir, 'guide.md'));
  for (const edition of ['student', 'teacher'] as const) {
    const html = templates.render(buildView(guide, { edition, paper: 'a4' }));
    expect(html).toContain('</html>');
    expect(html).not.toMatch(/<script(?![^>]*EventSource)/i);
  }
}

const fragments = [
  '# ', '## Timeline\n', '## Glossary\n', '## Discussion questions\n', '- **1954-03-31** — ', '- 1954: ', '1. ', '   :::answer\n', ':::teacher\n', ':::\n', ':::claims\n',
  '[@a]', '[@a, p. 3]', '[see @a; @b]', '@a says ', '[-@b]', '@', '[', ']', '{{title}}', '{{{x}}}', '<script>x</script>', '<img src=x onerror=y>', '\n', '\n\n', '> ', '    ', '|a|b|\n|-|-|\n', 'Term\n: def\n', '**', '`', '\\', ':x:', '10:30', '<!--', '-->',
  '[x]: http://127.0.0.1/\n', '![i](../../etc/passwd)', 'ÄÖÜ ж 日本 \u202e', '\u0000', '\uFEFF',
];

const references = '- id: a\n  type: book\n  title: A\n  author: [{family: Ay}]\n  issued: {date-parts: [[2000]]}\n- id: b\n  type: webpage\n  title: B\n';

describe('fuzzing', () => {
  it('random guides end in output or diagnostics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 20 })), { maxLength: 60 }), async (parts) => {
        await pipeline({ 'guide.md': `---\ntitle: Fuzz\n---\n\n${parts.join('')}`, 'references.yaml': references });
      }),
      { numRuns: 150 },
    );
  });

  it('random front matter ends in a value or a message', async () => {
    const keys = ['title', 'subtitle', 'author', 'date', 'lang', 'paper', 'references', 'citation-style', 'theme', 'sections', 'toc', 'slug', 'unknown'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.string({ maxLength: 15 }), fc.constantFrom('[', '{', '!!js/function x', '&a', '*a', '2024-13-45', 'a4', 'letter', '- x'))), { maxLength: 8 }), async (pairs) => {
        await pipeline({ 'guide.md': `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\nText [@a].\n`, 'references.yaml': references });
      }),
      { numRuns: 150 },
    );
  });

  it('random references files end in entries or messages', async () => {
    const bib = ['@book{', '@article{x,', 'title = {', '}', '"', '@string{a = "b"}', 'author = {A and B}', 'year = 2000,', '{\\"o}', '%', '@comment{', ',', '='];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...bib), fc.string({ maxLength: 10 })), { maxLength: 40 }), fc.constantFrom('bib', 'json', 'yaml'), async (parts, ext) => {
        await rm(path.join(dir, 'references.yaml'), { force: true });
        await rm(path.join(dir, 'references.json'), { force: true });
        await rm(path.join(dir, 'references.bib'), { force: true });
        await pipeline({ 'guide.md': '---\ntitle: Refs\n---\n\nText [@x].\n', [`references.${ext}`]: parts.join(ext === 'bib' ? '' : ' ') });
      }),
      { numRuns: 150 },
    );
  });

  it('every CommonMark spec example goes through', async () => {
    expect(spec.tests.length).toBeGreaterThan(600);
    for (const t of spec.tests) {
      await pipeline({ 'guide.md': `---\ntitle: Example ${t.example}\n---\n\n${t.markdown}`, 'references.yaml': references });
    }
  });
});
