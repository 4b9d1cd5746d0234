/** `studyguide dev` as a process: preview on loopback, rebuild on save, errors shown and survived. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const bin = fileURLToPath(new URL('../../bin/studyguide.js', import.meta.url));

function waitFor(child: ChildProcess, pattern: RegExp, seen: { text: string }, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output so far:\n${seen.text}`)), timeoutMs);
    const check = () => {
      const m = pattern.exec(seen.text);
      if (m) {
        clearTimeout(timer);
        child.stderr?.off('data', check);
        resolve(m);
      }
    };
    child.stderr?.on('data', check);
    check();
  });
}

describe('studyguide dev', () => {
  let child: ChildProcess | undefined;
  // If the test failed with dev still running: SIGTERM lets it close its browser; SIGKILL would
  // leave Chrome running without a parent.
  afterAll(async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('previews, rebuilds what changed, shows errors and keeps watching', async () => {
    const dir = await tempDir();
    await runCli(['new', 'g'], { cwd: dir });
    child = spawn(process.execPath, [bin, 'dev', 'g', '--out', 'out', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    const seen = { text: '' };
    child.stderr?.on('data', (d: Buffer) => (seen.text += d.toString()));
    const [, url] = await waitFor(child, /preview: (http:\/\/127\.0\.0\.1:\d+\/)/, seen);
    expect(url).toBeDefined();

    const index = await (await fetch(url!)).text();
    expect(index).toContain('/g/student');
    const page = await (await fetch(`${url}g/student`)).text();
    expect(page).toContain('EventSource');
    const pdf = path.join(dir, 'out', 'g.student.pdf');
    const before = (await stat(pdf)).mtimeMs;

    // A mistake: the guide is not printed, the preview shows the error, the watcher goes on.
    const guide = path.join(dir, 'g', 'guide.md');
    const good = await readFile(guide, 'utf8');
    await writeFile(guide, `${good}\nA dangling citation [@nobody].\n`);
    await waitFor(child, /unknown citation key "nobody"/, seen);
    await waitFor(child, /not printed, fix the errors above \(still watching\)/, seen);
    expect(await (await fetch(`${url}g/student`)).text()).toContain('unknown citation key &#34;nobody&#34;');
    expect((await stat(pdf)).mtimeMs).toBe(before);

    // Fixed: a new PDF appears.
    await writeFile(guide, good.replace('Write the overview here', 'Write the NEW overview here'));
    await waitFor(child, /rebuilt in [\d.]+ s \(2 PDFs\)[\s\S]*rebuilt in [\d.]+ s \(2 PDFs\)/, seen);
    expect((await stat(pdf)).mtimeMs).toBeGreaterThan(before);
    expect(await (await fetch(`${url}g/student`)).text()).toContain('NEW overview');

    // An edit to a note for teachers only: the teacher edition is printed, the student edition left as it was.
    const studentBefore = (await stat(pdf)).mtimeMs;
    const teacherPdf = path.join(dir, 'out', 'g.teacher.pdf');
    const teacherBefore = (await stat(teacherPdf)).mtimeMs;
    const fixed = good.replace('Write the overview here', 'Write the NEW overview here');
    expect(fixed).toContain('A note for teachers only');
    await writeFile(guide, fixed.replace('A note for teachers only', 'A CHANGED note for teachers only'));
    await waitFor(child, /rebuilt in [\d.]+ s \(1 printed, 1 unchanged\)/, seen);
    expect((await stat(pdf)).mtimeMs).toBe(studentBefore);
    expect((await stat(teacherPdf)).mtimeMs).toBeGreaterThan(teacherBefore);
    expect(await (await fetch(`${url}g/teacher`)).text()).toContain('A CHANGED note');

    // Saved again while a build is running: the newest text is built too, not lost. (A longer
    // guide, so that the second save lands while the first is still being printed.)
    const long = `${good}\n\n## More\n\n${Array.from({ length: 60 }, (_, i) => `Paragraph ${i} of filler text for a longer print, with enough words to fill several lines on the page.`).join('\n\n')}\n`;
    await writeFile(guide, long.replace('Write the overview here', 'Write the FIRST overview here'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(guide, long.replace('Write the overview here', 'Write the SECOND overview here'));
    await expect.poll(async () => (await fetch(`${url}g/student`)).text(), { timeout: 20_000 }).toContain('SECOND overview');

    // A save that is overtaken while it is built (as by the rest of a file written in two
    // steps): what that build found is not shown, only the newest build's report.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reports = () => (seen.text.match(/rebuilt in/g) ?? []).length;
    const settled = reports();
    await writeFile(guide, long.replace('Write the overview here', 'Write the THIRD overview here').replace('## More', 'See the note.[^a]\n\n[^a]: A note.\n[^zz]: A note nobody refers to.\n\n## More'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    await writeFile(guide, long.replace('Write the overview here', 'Write the FOURTH overview here'));
    await expect.poll(async () => (await fetch(`${url}g/student`)).text(), { timeout: 20_000 }).toContain('FOURTH overview');
    await expect.poll(reports, { timeout: 20_000 }).toBeGreaterThan(settled);
    expect(seen.text).not.toContain('never referred to');

    child.kill('SIGINT');
    const code = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`dev did not exit within 20 s of Ctrl-C; output:\n${seen.text}`)), 20_000);
      child?.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(0);
    expect(seen.text).toContain('stopped');
  });
});
