/** Every kind of bad input gets one clear, positioned message and the right exit code; no stack trace. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const guide = (front: string, body = 'Text.') => `---\n${front}\n---\n\n${body}\n`;

const cases: { name: string; files: Record<string, string | Uint8Array>; code: number; message: RegExp }[] = [
  { name: 'malformed front matter', files: { 'guide.md': guide('title: [unclosed') }, code: 1, message: /guide\.md:2:\d+: front matter is not valid YAML/ },
  { name: 'unknown front-matter key', files: { 'guide.md': guide('title: T\nauthour: X') }, code: 1, message: /guide\.md:3:1: front matter: unknown field "authour" \(did you mean "author"\?\)/ },
  { name: 'invalid date', files: { 'guide.md': guide('title: T\ndate: 2024-02-30') }, code: 1, message: /guide\.md:3:7: front matter: field "date": expected a date/ },
  { name: 'invalid timeline date', files: { 'guide.md': guide('title: T', '## Timeline\n\n- **1954-13-01** — x') }, code: 1, message: /guide\.md:7:1: "1954-13-01" is not a real date/ },
  { name: 'malformed BibTeX', files: { 'guide.md': guide('title: T'), 'references.bib': '@book{a,\n  title = {Unclosed\n' }, code: 1, message: /references\.bib:\d+:\d+: references file is not valid BibTeX/ },
  { name: 'malformed CSL-JSON', files: { 'guide.md': guide('title: T'), 'references.json': '[{"id": "a",}]' }, code: 1, message: /references\.json:1:\d+: references file is not valid JSON/ },
  { name: 'malformed CSL-YAML', files: { 'guide.md': guide('title: T'), 'references.yaml': '- id: a\n  title: [x\n' }, code: 1, message: /references\.yaml:\d+:\d+: references file is not valid YAML/ },
  { name: 'unknown citation key', files: { 'guide.md': guide('title: T', 'See [@nobody].') }, code: 1, message: /guide\.md:5:5: citation "@nobody" but the guide has no references file/ },
  { name: 'duplicate key', files: { 'guide.md': guide('title: T', '[@a]'), 'references.bib': '@book{a, title={One}}\n@book{a, title={Two}}\n' }, code: 1, message: /references\.bib:2:1: duplicate citation key "a"\n.*references\.bib:1:1: note: "a" is first defined here/ },
  { name: 'missing references file', files: { 'guide.md': guide('title: T\nreferences: nope.bib') }, code: 1, message: /guide\.md:3:1: references file "nope\.bib" not found next to the guide/ },
  { name: 'references outside the folder', files: { 'guide.md': guide('title: T\nreferences: ../refs.bib') }, code: 1, message: /references file "\.\.\/refs\.bib" is outside the guide's folder/ },
  { name: 'empty guide', files: { 'guide.md': '' }, code: 1, message: /guide\.md:1:1: the guide is empty/ },
  { name: 'binary guide', files: { 'guide.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) }, code: 1, message: /guide\.md: this is not a text file/ },
  { name: 'not UTF-8', files: { 'guide.md': Buffer.from('---\ntitle: Caf\xe9\n---\n\nText\n', 'latin1') }, code: 1, message: /guide\.md:2:1: the file is not UTF-8 text/ },
  { name: 'nested too deeply', files: { 'guide.md': `# T\n\n${'> '.repeat(200)}x\n` }, code: 1, message: /guide\.md:3:1: nesting is too deep here/ },
  { name: 'missing partial', files: { 'guide.md': guide('title: T'), 'templates/layout.hbs': '<html>{{> nowhere}}</html>' }, code: 3, message: /templates\/layout\.hbs: template uses the partial "nowhere", which is not in any templates folder/ },
  { name: 'broken partial', files: { 'guide.md': guide('title: T'), 'templates/partials/cover.hbs': '{{#if meta.title}}<h1>' }, code: 3, message: /templates\/partials\/cover\.hbs:\d+:1: template error/ },
  { name: 'unknown citation style', files: { 'guide.md': guide('title: T\ncitation-style: nonsense') }, code: 1, message: /guide\.md:3:1: unknown citation style "nonsense"/ },
];

describe('bad input', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const dir = await tempDir();
      const { mkdir } = await import('node:fs/promises');
      for (const [name, content] of Object.entries(c.files)) {
        await mkdir(path.dirname(path.join(dir, 'g', name)), { recursive: true });
        await writeFile(path.join(dir, 'g', name), content);
      }
      const r = await runCli(['build', 'g', '--out', 'out', '--html-only'], { cwd: dir });
      expect(r.stderr).toMatch(c.message);
      expect(r.code).toBe(c.code);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toContain('unexpected error');
    });
  }
});
