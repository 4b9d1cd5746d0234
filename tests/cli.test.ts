/**
 * The CLI run as a process, on the demo guide and on fixtures: real Chromium, real PDFs
 * read back with pdf.js.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGuide } from '../src/guide.js';
import { runCli, repoRoot, type CliResult } from './helpers/cli.js';
import { flat, readPdf, type PdfContent } from './helpers/pdf.js';
import { tempDir } from './helpers/tmp.js';

const demo = path.join(repoRoot, 'content', 'soviet-nato-1954');
const fixtures = path.join(repoRoot, 'tests', 'fixtures');

describe('studyguide build (demo guide)', () => {
  let out: string;
  let result: CliResult;
  let student: PdfContent;
  let teacher: PdfContent;

  beforeAll(async () => {
    out = await tempDir();
    result = await runCli(['build', demo, '--out', out]);
    student = await readPdf(path.join(out, 'soviet-nato-1954.student.pdf'));
    teacher = await readPdf(path.join(out, 'soviet-nato-1954.teacher.pdf'));
  });

  it('prints both editions and exits 0', async () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['soviet-nato-1954.student.pdf', 'soviet-nato-1954.teacher.pdf']);
    expect(result.stderr).toMatch(/✓ .*soviet-nato-1954\.student\.pdf \(\d+ pages, /);
  });

  it('has every section, in both editions', async () => {
    const guide = await loadGuide(path.join(demo, 'guide.md'));
    const headings = guide.sections.filter((s) => s.section.heading).map((s) => s.section.title);
    expect(headings.length).toBeGreaterThan(4);
    for (const pdf of [student, teacher]) {
      const text = flat(pdf.text);
      for (const h of [...headings, 'References', 'Appendix: How reliable are the sources?']) expect(text).toContain(h);
    }
  });

  it('keeps teacher answers and notes out of the student edition', async () => {
    const guide = await loadGuide(path.join(demo, 'guide.md'));
    const answers = guide.sections.flatMap((s) => (s.kind === 'questions' ? s.questions.questions.map((q) => toString({ type: 'root', children: q.answer })) : []));
    expect(answers.length).toBeGreaterThanOrEqual(8);
    const studentText = flat(student.text);
    const teacherText = flat(teacher.text);
    for (const answer of answers) {
      const probe = flat(answer).slice(0, 40).trim();
      expect(teacherText).toContain(probe);
      expect(studentText).not.toContain(probe);
    }
    expect(teacherText).toMatch(/teacher note/i);
    expect(studentText).not.toMatch(/teacher note/i);
    expect(studentText).toContain('Name:');
  });

  it('sets the title, language and outline', async () => {
    const guide = await loadGuide(path.join(demo, 'guide.md'));
    expect(student.info.Title).toBe(guide.meta.title);
    expect(student.outline).toContain('Timeline');
    expect(student.outline).toContain('Glossary');
    expect(student.pages.length).toBeGreaterThan(3);
  });

  it('grades every source in the appendix, the examined ones included', async () => {
    const guide = await loadGuide(path.join(demo, 'guide.md'));
    expect(guide.sources.length).toBeGreaterThanOrEqual(12);
    expect(guide.sources.filter((s) => s.examined).map((s) => s.id).sort()).toEqual(['birch2021', 'johnson2023', 'smith2022', 'source-article', 'sputnik-infographic']);
    const appendix = flat(student.text.slice(student.text.lastIndexOf('Appendix: How reliable')));
    expect(appendix).toMatch(/state-?affiliated media/);
    expect(appendix).toContain('cannot be verified');
  });
});

describe('studyguide build (a second guide: German, BibTeX with macros and accents)', () => {
  it('prints the guide with its own headings, accents and dates', async () => {
    const out = await tempDir();
    const r = await runCli(['build', path.join(fixtures, 'bibtex-guide'), '--out', out, '--paper', 'letter']);
    expect(r.stderr).toBe('' + r.stderr.replace(/.*error.*/gi, ''));
    expect(r.code).toBe(0);
    const student = await readPdf(path.join(out, 'bibtex-guide.student.pdf'));
    const teacher = await readPdf(path.join(out, 'bibtex-guide.teacher.pdf'));
    const s = flat(student.text);
    expect(s).toContain('Zeitleiste');
    expect(s).toContain('9. November 1918');
    expect(s).toContain('Propyläen');
    expect(s).toContain('C. H. Beck');
    expect(s.indexOf('Ämterpatronage')).toBeLessThan(s.indexOf('Dolchstoßlegende'));
    expect(s).not.toContain('MUSTERANTWORT');
    expect(s).not.toContain('LEHRERNOTIZ');
    expect(flat(teacher.text)).toContain('MUSTERANTWORT');
    expect(flat(teacher.text)).toContain('LEHRERNOTIZ');
  });
});

describe('content errors', () => {
  it('fail with the positioned message, print nothing and keep an earlier PDF', async () => {
    const dir = await tempDir();
    await copyFile(path.join(fixtures, 'unknown-key', 'guide.md'), path.join(dir, 'guide.md'));
    await copyFile(path.join(fixtures, 'unknown-key', 'refs.yaml'), path.join(dir, 'refs.yaml'));
    const out = path.join(dir, 'out');
    await mkdir(out);
    const earlier = path.join(out, `${path.basename(dir)}.student.pdf`);
    await writeFile(earlier, 'an earlier PDF');
    const r = await runCli(['build', dir, '--out', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('guide.md:8:37: unknown citation key "johnson2023"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(earlier, 'utf8')).toBe('an earlier PDF');
    expect((await readdir(out)).sort()).toEqual([path.basename(earlier)]);
  });

  it('end the run at once, even while the browser is still starting', async () => {
    // The browser starts while the guide is read; a guide with errors ended the run while its
    // pages were being opened, and a page still opening kept the process alive for 30 s (about
    // every other run). Each run here must exit well before that.
    const dir = await tempDir({ 'g/guide.md': '---\ntitle: Broken\n---\n\nA citation [@nobody] and no references.\n' });
    for (let run = 0; run < 4; run++) {
      const started = Date.now();
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'studyguide.js'), 'build', path.join(dir, 'g'), '--out', path.join(dir, 'out')], { env: { ...process.env, NO_COLOR: '1' } });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const limit = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('exit', (code) => {
          clearTimeout(limit);
          resolve({ code, stderr });
        });
      });
      expect(r.code, `run ${run} did not exit within 20 s (${Date.now() - started} ms):\n${r.stderr}`).toBe(1);
      expect(r.stderr).toContain('citation "@nobody" but the guide has no references file');
    }
  }, 120_000);

  it('are reported by check, which needs no browser', async () => {
    const r = await runCli(['check', path.join(fixtures, 'unknown-key')], { env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent', STUDYGUIDE_BROWSER: '/nonexistent' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tests\/fixtures\/unknown-key\/guide\.md:8:37: unknown citation key "johnson2023"/);
    const ok = await runCli(['check', demo], { env: { STUDYGUIDE_BROWSER: '/nonexistent' } });
    expect(ok.stderr).toContain('checked 1 of 1 guide');
    expect(ok.code).toBe(0);
  });

  it('come as positioned messages only, without warnings of the YAML parser', async () => {
    // Placeholders copied from a template: YAML reads {{ … }} as a mapping with a mapping as its key.
    const dir = await tempDir({
      'f/guide.md': '---\ntitle: {{ TITLE }}\nlang: en\n---\n\n# A\n\nText.\n',
      'g/guide.md': '---\ntitle: T\nlang: en\nreferences: refs.yaml\n---\n\n# A\n\nText [@a].\n',
      'g/refs.yaml': '- id: a\n  type: book\n  title: {{ X }}\n  author: [{family: A}]\n  issued: {date-parts: [[2020]]}\n  ISBN: 978-0-300-25993-3\n',
    });
    const r = await runCli(['check', path.join(dir, 'f'), path.join(dir, 'g')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/f\/guide\.md:2:8: front matter: field "title"/);
    expect(r.stderr).toMatch(/g\/refs\.yaml:1:3: entry "a": field "title" is not text/);
    expect(r.stderr).not.toMatch(/Warning:|trace-warnings/);
  });
});

describe('the command line', () => {
  it('prints help and version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: studyguide <command>');
    const version = await runCli(['--version']);
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on usage mistakes, with one clear line', async () => {
    for (const args of [['build', '--paper', 'a5'], ['build', '--nonsense'], ['print'], ['build', 'no/such/folder'], ['build', '--edition', 'parent']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^studyguide: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('writes HTML only without a browser', async () => {
    const out = await tempDir();
    const r = await runCli(['build', path.join(fixtures, 'bibtex-guide'), '--out', out, '--html-only', '--edition', 'student'], { env: { STUDYGUIDE_BROWSER: '/nonexistent' } });
    expect(r.code).toBe(0);
    expect(await readdir(out)).toEqual(['bibtex-guide.student.html']);
    expect((await stat(path.join(out, 'bibtex-guide.student.html'))).size).toBeGreaterThan(1000);
  });

  it('says how to get a browser when none is found', async () => {
    const out = await tempDir();
    const r = await runCli(['build', path.join(fixtures, 'bibtex-guide'), '--out', out, '--browser', '/nonexistent/chrome']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--browser /nonexistent/chrome: no executable browser at that path');
  });

  it('reports a path without guides without starting a browser', async () => {
    const dir = await tempDir({ 'notes.txt': 'not a guide' });
    // A "browser" that leaves a mark when it is started.
    const fake = path.join(dir, 'chrome');
    await writeFile(fake, `#!/bin/sh\ntouch "${path.join(dir, 'started')}"\nsleep 5\n`, { mode: 0o755 });
    const r = await runCli(['build', dir, '--out', path.join(dir, 'out')], { env: { STUDYGUIDE_BROWSER: fake } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no guide found');
    expect(existsSync(path.join(dir, 'started'))).toBe(false);
  });
});

describe('folders that cannot be written', () => {
  it('stop at once with one line when the output folder cannot be made, before a browser starts', async () => {
    const dir = await tempDir({ 'a-file': 'not a folder', 'g/guide.md': '# A guide\n\nText.\n' });
    const fake = path.join(dir, 'chrome');
    await writeFile(fake, `#!/bin/sh\ntouch "${path.join(dir, 'started')}"\nsleep 5\n`, { mode: 0o755 });
    const r = await runCli(['build', path.join(dir, 'g'), '--out', path.join(dir, 'a-file', 'out')], { env: { STUDYGUIDE_BROWSER: fake } });
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe(`studyguide: cannot write to the output folder ${path.join(dir, 'a-file', 'out')}: a file is in the way where a folder should be (ENOTDIR)`);
    expect(existsSync(path.join(dir, 'started'))).toBe(false);
    // Where every mkdir answers "no such file" (/proc), Node's own recursive mkdir never returned.
    if (existsSync('/proc/self')) {
      const proc = await runCli(['build', path.join(dir, 'g'), '--out', '/proc/studyguide-test/out', '--html-only']);
      expect(proc.code).toBe(3);
      expect(proc.stderr).toContain('cannot write to the output folder /proc/studyguide-test/out: a folder on the way does not exist');
    }
    const made = await runCli(['new', path.join(dir, 'a-file', 'weimar')]);
    expect(made.code).toBe(3);
    expect(made.stderr).toContain('cannot make the folder');
    expect(made.stderr).not.toMatch(/\n\s+at /);
  });

  it('end the run when one edition cannot be written, with the other written', async () => {
    // A long teacher's note: the teacher edition is still printing when the student edition fails.
    const note = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} of a long note for the teacher, with enough words to fill a line or two.`).join('\n\n');
    const dir = await tempDir({ 'g/guide.md': `# A guide\n\nText.\n\n:::teacher\n${note}\n:::\n` });
    const out = path.join(dir, 'out');
    // A folder where the student PDF should go: its rename fails after the print.
    await mkdir(path.join(out, 'g.student.pdf'), { recursive: true });
    const started = performance.now();
    const r = await runCli(['build', path.join(dir, 'g'), '--out', out]);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('could not be printed: EISDIR');
    expect(existsSync(path.join(out, 'g.teacher.pdf'))).toBe(true);
  });
});

describe('stopping a run', () => {
  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('on %s closes the browser, leaves no half-written file and exits %i', async (signal, code) => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) files[`g${i}/guide.md`] = `---\ntitle: Guide ${i}\n---\n\nText ${i}.\n\n## Timeline\n\n- **1954** — Event ${i}.\n`;
    const dir = await tempDir(files);
    const out = path.join(dir, 'out');
    const bin = path.join(repoRoot, 'bin', 'studyguide.js');
    const child = spawn(process.execPath, [bin, 'build', dir, '--out', out], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    // Stopped once the first PDF is written, while the browser is printing the others.
    await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('✓')) resolve();
    }));
    const browsers = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).trim().split('\n').map(Number);
    expect(browsers.length).toBeGreaterThan(0);
    child.kill(signal);
    const exit = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(exit, stderr).toBe(code);
    expect(stderr).toMatch(/nothing half-written was left/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const alive = browsers.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
    expect((await readdir(out)).filter((f) => !f.endsWith('.pdf'))).toEqual([]);
  });
});
