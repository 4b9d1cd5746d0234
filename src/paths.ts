import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { access, mkdir, realpath } from 'node:fs/promises';
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

/**
 * Makes a folder and the missing ones above it, one at a time. Node's own `recursive` mkdir
 * never returns for a path in a file system that answers "no such file" to every mkdir, such
 * as /proc (an output or cache folder set there kept the command running); this fails instead.
 */
export async function makeFolder(dir: string): Promise<void> {
  for (const d of missingFolders(dir)) {
    await mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
}

/** `makeFolder`, synchronously. */
export function makeFolderSync(dir: string): void {
  for (const d of missingFolders(dir)) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** The folders of `dir`'s path that do not exist yet, outermost first. */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !existsSync(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  return missing;
}

/** Why a file operation failed, in words (with the system's code for a search). */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'a folder on the way does not exist and cannot be made',
    ENOTDIR: 'a file is in the way where a folder should be',
    EEXIST: 'a file is in the way where a folder should be',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
  };
  const said = code ? words[code] : undefined;
  if (said) return `${said} (${code})`;
  return e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
}

/** A path as a message shows it: relative to `cwd` when inside it, else absolute. */
export function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** A guide's name for its output files when its front matter gives none: its file's, or its folder's for guide.md, index.md and README.md. */
export function slugFromPath(file: string): string {
  return nameFromPath(file).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'guide';
}

/** The title of a guide that names none: its file's name, or its folder's for `guide.md` and the like (`ww1_causes` → "ww1 causes"). */
export function titleFromPath(file: string): string {
  return nameFromPath(file).replace(/[_\s]+/g, ' ').trim() || 'Guide';
}

/** A guide's name from its path: the file's, or the folder's for `guide.md`, `index.md` and `README.md`. */
function nameFromPath(file: string): string {
  const base = path.basename(file, path.extname(file));
  return ['guide', 'index', 'readme'].includes(base.toLowerCase()) ? path.basename(path.dirname(path.resolve(file))) : base;
}
