import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeHash } from '../src/code-hash.js';
import { sha256 } from '../src/hash.js';
import { tempDir } from './helpers/tmp.js';

describe('codeHash', () => {
  it('is the hash recorded beside a file, or else the hash of its bytes', async () => {
    const recorded = 'a'.repeat(64);
    const dir = await tempDir({ 'bundle.cjs': 'code', 'bundle.cjs.sha256': `${recorded}\n`, 'plain.js': 'other code', 'bad.js': 'x', 'bad.js.sha256': 'not a hash' });
    expect(codeHash(path.join(dir, 'bundle.cjs'))).toBe(recorded);
    expect(codeHash(path.join(dir, 'plain.js'))).toBe(sha256('other code'));
    expect(codeHash(path.join(dir, 'bad.js'))).toBe(sha256('x'));
    expect(() => codeHash(path.join(dir, 'missing.js'))).toThrow();
  });
});
