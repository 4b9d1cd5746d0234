/**
 * Turns the command's PATH arguments into guide files: a guide file, a guide folder
 * (holding guide.md or index.md), or a folder of guide folders.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { StudyguideError, ExitCode } from './diagnostics.js';

export const guideFileNames = ['guide.md', 'index.md'];

export async function discoverGuides(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const info = await stat(abs).catch(() => undefined);
    if (!info) throw new StudyguideError(`${p}: no such file or folder`, ExitCode.usage);
    if (info.isFile()) {
      if (!/\.(md|markdown)$/i.test(abs)) throw new StudyguideError(`${p}: a guide is a Markdown file ending in .md`, ExitCode.usage);
      found.push(abs);
      continue;
    }
    const own = await guideIn(abs);
    if (own) {
      found.push(own);
      continue;
    }
    const children = (await readdir(abs, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules');
    const inner: string[] = [];
    for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) {
      const g = await guideIn(path.join(abs, child.name));
      if (g) inner.push(g);
    }
    if (inner.length === 0) {
      throw new StudyguideError(`${p}: no guide found (a guide folder holds ${guideFileNames.join(' or ')}; a folder of guides holds such folders)`, ExitCode.usage);
    }
    found.push(...inner);
  }
  return [...new Set(found)];
}

async function guideIn(dir: string): Promise<string | undefined> {
  for (const name of guideFileNames) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}
