/** Outputs are written atomically: a temporary file beside the target, then a rename. */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeFolder } from './paths.js';

/** Temporary files being written now, removed by `removeTemporaryFiles` if the run is interrupted. */
const inFlight = new Set<string>();

export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await makeFolder(path.dirname(file));
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  inFlight.add(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    inFlight.delete(tmp);
  }
}

/** For Ctrl-C: removes half-written temporary files at once (synchronously, before exit). */
export function removeTemporaryFiles(): void {
  for (const tmp of inFlight) rmSync(tmp, { force: true });
  inFlight.clear();
}
