/** The authoring commands, run as a user would. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

describe('studyguide new', () => {
  it('scaffolds a guide that builds as is, and refuses to overwrite it', async () => {
    const dir = await tempDir();
    const made = await runCli(['new', 'weimar-republic'], { cwd: dir });
    expect(made.code).toBe(0);
    expect((await readdir(path.join(dir, 'weimar-republic'))).sort()).toEqual(['guide.md', 'references.bib']);
    const check = await runCli(['check', 'weimar-republic', '--strict'], { cwd: dir });
    expect(check.stderr).toContain('checked 1 of 1 guide');
    expect(check.code).toBe(0);
    const build = await runCli(['build', 'weimar-republic', '--out', 'out'], { cwd: dir });
    expect(build.code).toBe(0);
    const pdf = await readPdf(path.join(dir, 'out', 'weimar-republic.student.pdf'));
    expect(pdf.text).toContain('Weimar republic');
    const again = await runCli(['new', 'weimar-republic'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('weimar-republic/guide.md already exists; nothing was changed');
  });
});

describe('studyguide templates eject', () => {
  it('copies the templates; an edited partial and a theme colour change the handout', async () => {
    const dir = await tempDir();
    await runCli(['new', 'g'], { cwd: dir });
    const eject = await runCli(['templates', 'eject', 'my-templates', 'cover', 'theme.css'], { cwd: dir });
    expect(eject.code).toBe(0);
    expect((await readdir(path.join(dir, 'my-templates'), { recursive: true })).sort()).toEqual(['partials', 'partials/cover.hbs', 'theme.css']);
    const cover = path.join(dir, 'my-templates', 'partials', 'cover.hbs');
    await writeFile(cover, (await readFile(cover, 'utf8')).replace('<h1 class="title">', '<p>OUR SCHOOL LETTERHEAD</p><h1 class="title">'));
    await writeFile(path.join(dir, 'studyguide.config.yaml'), 'templates: my-templates\ntheme:\n  accent: "#8b0000"\n');
    const build = await runCli(['build', 'g', '--out', 'out', '--html', '--edition', 'student'], { cwd: dir });
    expect(build.code).toBe(0);
    const html = await readFile(path.join(dir, 'out', 'g.student.html'), 'utf8');
    expect(html).toContain('--accent: #8b0000;');
    expect((await readPdf(path.join(dir, 'out', 'g.student.pdf'))).text).toContain('OUR SCHOOL LETTERHEAD');
    const twice = await runCli(['templates', 'eject', 'my-templates', 'cover'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('use --force to overwrite');
  });

  it('names the template file and line of a template mistake', async () => {
    const dir = await tempDir();
    await runCli(['new', 'g'], { cwd: dir });
    await runCli(['templates', 'eject', 'g/templates', 'timeline'], { cwd: dir });
    await writeFile(path.join(dir, 'g', 'templates', 'partials', 'timeline.hbs'), '<section>\n  {{#each events}}\n  <p>{{date}}</p>\n</section>\n');
    const r = await runCli(['build', 'g', '--out', 'out', '--html-only'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/g\/templates\/partials\/timeline\.hbs:\d+:\d+: template error/);
  });
});

describe('--json', () => {
  it('prints diagnostics for editors and CI', async () => {
    const dir = await tempDir({ 'g/guide.md': '---\ntitle: T\n---\n\nA claim [@missing].\n' });
    const r = await runCli(['check', 'g', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { line: number; column: number; severity: string; rule: string }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics[0]).toMatchObject({ line: 5, column: 9, severity: 'error', rule: 'unknown-citation-key' });
  });
});
