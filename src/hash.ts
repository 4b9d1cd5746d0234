import { createHash } from 'node:crypto';

/** The SHA-256 of text or bytes, as hex: the one hash for cache keys and "made from this source" checks. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
