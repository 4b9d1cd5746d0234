/**
 * The command line as it starts: from its bundle, with V8's code cache kept in studyguide's
 * cache folder (src/start.ts), and with the bundle's run-time imports working.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const guide = '---\ntitle: Cache test\n---\n\n# Overview\n\nA short guide.\n';

/** A run's result without its timing ("checked 1 of 1 guide in 0.1 s"). */
function untimed(r: CliResult): CliResult {
  return { ...r, stderr: r.stderr.replace(/ in \d+(\.\d+)? m?s/g, '') };
}

async function entries(cache: string): Promise<string[]> {
  return (await readdir(path.join(cache, 'code')).catch(() => [])).sort();
}

describe('start-up', () => {
  it('keeps the compiled code of a command and reuses it in the next run', async () => {
    const dir = await tempDir({ 'g/guide.md': guide });
    const cache = path.join(dir, 'cache');
    const env = { STUDYGUIDE_CACHE_DIR: cache };

    const first = await runCli(['check', path.join(dir, 'g')], { env });
    expect(first.code, first.stderr).toBe(0);
    const [entry, ...more] = await entries(cache);
    expect(more).toEqual([]);
    expect(entry).toMatch(/^[a-f0-9]{64}\.bin$/);
    const file = path.join(cache, 'code', entry ?? '');
    const written = await stat(file);
    expect(written.size).toBeGreaterThan(100_000);

    // Taken as it is: V8 accepted it, so it is not written again.
    const second = await runCli(['check', path.join(dir, 'g')], { env });
    expect(untimed(second)).toEqual(untimed(first));
    expect((await stat(file)).mtimeMs).toBe(written.mtimeMs);

    // Another command has an entry of its own.
    expect((await runCli(['--version'], { env })).code).toBe(0);
    expect(await entries(cache)).toHaveLength(2);
  });

  it('replaces an entry V8 cannot use, and runs all the same', async () => {
    const dir = await tempDir({ 'g/guide.md': guide });
    const cache = path.join(dir, 'cache');
    const env = { STUDYGUIDE_CACHE_DIR: cache };
    const first = await runCli(['check', path.join(dir, 'g')], { env });
    const [entry] = await entries(cache);
    const file = path.join(cache, 'code', entry ?? '');
    await writeFile(file, Buffer.alloc(4096, 7));

    const again = await runCli(['check', path.join(dir, 'g')], { env });
    expect(untimed(again)).toEqual(untimed(first));
    const rewritten = await readFile(file);
    expect(rewritten.length).toBeGreaterThan(100_000);
  });

  it('writes no code cache when caching is off', async () => {
    const dir = await tempDir({ 'g/guide.md': guide });
    const r = await runCli(['check', path.join(dir, 'g')], { env: { STUDYGUIDE_CACHE_DIR: '', XDG_CACHE_HOME: path.join(dir, 'xdg'), HOME: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(dir)).toEqual(['g']);
  });

  it.skipIf(!existsSync('/proc/self'))('ends as usual when its cache folder cannot be made', async () => {
    const dir = await tempDir({ 'g/guide.md': guide });
    const r = await runCli(['check', path.join(dir, 'g')], { env: { STUDYGUIDE_CACHE_DIR: '/proc/studyguide-test/cache' } });
    expect(r.code, r.stderr).toBe(0);
  });

  it('loads a .mjs and a .ts config file from the bundle', async () => {
    for (const [name, source] of [
      ['studyguide.config.mjs', "export default { citationStyle: 'no-such-style' };\n"],
      ['studyguide.config.ts', "const style: string = 'no-such-style';\nexport default { citationStyle: style };\n"],
    ] as const) {
      const dir = await tempDir({ 'g/guide.md': guide, [name]: source });
      const r = await runCli(['check', 'g'], { cwd: dir });
      expect(r.stderr, name).toContain('unknown citation style "no-such-style"');
      expect(r.code, name).not.toBe(0);
    }
  });
});
