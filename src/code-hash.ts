/**
 * What a file of studyguide's own code is, for cache keys: its SHA-256, or, for the command
 * line's bundle (7 MB), the one scripts/bundle.mjs recorded beside it (`<file>.sha256`) when
 * it wrote it, so that a run does not hash the bundle again.
 */
import { readFileSync } from 'node:fs';
import { sha256 } from './hash.js';

export function codeHash(file: string): string {
  try {
    const recorded = readFileSync(`${file}.sha256`, 'utf8').trim();
    if (/^[a-f0-9]{64}$/.test(recorded)) return recorded;
  } catch {
    // not the bundle: hash the file itself
  }
  return sha256(readFileSync(file));
}
