import { readFileSync } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when `file` (symlinks resolved, where it exists) lies inside `dir`. */
export async function inside(dir: string, file: string): Promise<boolean> {
  const rel = path.relative(dir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  try {
    const [realDir, realFile] = await Promise.all([realpath(dir), realpath(file)]);
    const realRel = path.relative(realDir, realFile);
    return !realRel.startsWith('..') && !path.isAbsolute(realRel);
  } catch {
    // A file that does not exist cannot point anywhere; reading it will fail on its own.
    return true;
  }
}

let root: string | undefined;

/**
 * The folder studyguide is installed in (where its package.json, templates/, csl/, data/ and
 * scaffold/ are). Found by walking up from this module, so that it holds both for the
 * compiled modules in lib/ and for the bundle the command line runs (lib/bundle/).
 */
export function packageRoot(): string {
  root ??= packageAbove(path.dirname(fileURLToPath(import.meta.url)), 'studyguide')?.dir;
  if (!root) throw new Error('studyguide: cannot find its own package.json above its modules');
  return root;
}

/** The nearest folder at or above `start` whose package.json names the package `name`, and that package.json. */
export function packageAbove(start: string, name: string): { dir: string; json: { name?: string; version?: string } } | undefined {
  let dir = start;
  for (let i = 0; i < 8; i++, dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (json.name === name) return { dir, json };
    } catch {
      // no package.json here: go up
    }
  }
  return undefined;
}

/** A file or folder shipped with studyguide, by its path in the package. */
export function packagePath(...parts: string[]): string {
  return path.join(packageRoot(), ...parts);
}

/** Whether a file or folder exists (and can be seen). */
export async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
