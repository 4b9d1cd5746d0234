/**
 * The package as a dependency: `npm pack`, installed into an empty project, gives a working
 * `npx studyguide` with its templates, styles, labels and fonts.
 */
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';
import { tempDir } from './helpers/tmp.js';

const run = promisify(execFile);

describe('npm package', () => {
  it('installs into an empty project and builds a new guide', { timeout: 240_000 }, async () => {
    const packDir = await tempDir();
    const { stdout } = await run('npm', ['pack', '--pack-destination', packDir, '--ignore-scripts', '--json'], { cwd: repoRoot });
    const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    const files = info?.files.map((f) => f.path) ?? [];
    for (const needed of ['bin/studyguide.js', 'lib/cli.js', 'lib/index.d.ts', 'templates/layout.hbs', 'csl/styles/ieee.csl', 'data/source-labels.yaml', 'scaffold/guide/guide.md']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((f) => f.startsWith('tests/') || f.startsWith('src/') || f.startsWith('content/'))).toBe(false);

    const project = await tempDir({ 'package.json': '{ "name": "school-handouts", "private": true, "type": "module" }' });
    await run('npm', ['install', path.join(packDir, info?.filename ?? ''), '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, timeout: 200_000 });
    await run('npx', ['studyguide', 'new', 'weimar'], { cwd: project });
    await run('npx', ['studyguide', 'build', 'weimar', '--out', 'handouts'], { cwd: project });
    expect((await readdir(path.join(project, 'handouts'))).sort()).toEqual(['weimar.student.pdf', 'weimar.teacher.pdf']);
    const pdf = await readPdf(path.join(project, 'handouts', 'weimar.student.pdf'));
    expect(pdf.text).toContain('Weimar');

    // The typed API is there for programs.
    await writeFile(path.join(project, 'api.mjs'), "import { checkGuides } from 'studyguide';\nconst r = await checkGuides({ paths: ['weimar'] });\nconsole.log(JSON.stringify({ ok: r.ok, n: r.guides.length }));\n");
    const api = await run(process.execPath, ['api.mjs'], { cwd: project });
    expect(JSON.parse(api.stdout)).toEqual({ ok: true, n: 1 });
  });
});
