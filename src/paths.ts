import { realpath } from 'node:fs/promises';
import path from 'node:path';

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
