import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../src/templates.js';
import { tempDir } from './helpers/tmp.js';

describe('templates', () => {
  it('override by name and offer helpers for dates, plurals and numbers', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'layout.hbs'), '{{format-date "1954-03-31"}} | {{plural n "question" "questions"}} | {{format-number big}} | {{add 1 2}} | {{title}}');
    const set = await loadTemplates([dir]);
    expect(set.render({ lang: 'de', n: 2, big: 1234.5, title: '<b>{{x}}</b>' })).toBe('31. März 1954 | questions | 1.234,5 | 3 | &lt;b&gt;{{x}}&lt;/b&gt;');
    expect(set.files['partials/timeline.hbs']).toMatch(/templates[/\\]partials[/\\]timeline\.hbs$/);
  });

  it('are compiled once for all guides without a templates folder of their own', async () => {
    const d = await tempDir({ 'a/guide.md': '# A', 'b/guide.md': '# B', 'c/templates/partials/cover.hbs': '<p>{{meta.title}}</p>' });
    const a = await loadTemplates([path.join(d, 'a', 'templates')]);
    expect(await loadTemplates([path.join(d, 'b', 'templates')])).toBe(a);
    expect(await loadTemplates([path.join(d, 'c', 'templates')])).not.toBe(a);
  });

  it('name the file and line of a syntax error', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'partials'));
    await writeFile(path.join(dir, 'partials', 'glossary.hbs'), '<dl>\n{{#each entries}}\n<dt>{{term}}</dt>\n</dl>\n');
    await expect(loadTemplates([dir])).rejects.toThrow(/partials[/\\]glossary\.hbs:\d+:1: template error/);
  });
});
