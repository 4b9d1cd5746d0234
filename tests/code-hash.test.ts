import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { codeHash, codeStamp } from '../src/code-hash.js';
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

  it('stamps cached results with the bundle, or else with the module and the versions of its packages', async () => {
    const dir = await tempDir({ 'bundle.cjs': 'code', 'bundle.cjs.sha256': `${'b'.repeat(64)}\n`, 'plain.js': 'other code', 'changed.js': 'changed code' });
    const url = (name: string) => pathToFileURL(path.join(dir, name)).href;
    const plain = codeStamp(url('plain.js'), []);
    expect(plain).toMatch(/^[a-f0-9]{64}$/);
    expect(codeStamp(url('plain.js'), [])).toBe(plain);
    // Another file, or other packages: another stamp. The bundle holds its packages' code.
    expect(codeStamp(url('changed.js'), [])).not.toBe(plain);
    expect(codeStamp(url('plain.js'), ['vitest'])).not.toBe(plain);
    expect(codeStamp(url('bundle.cjs'), ['vitest'])).toBe(codeStamp(url('bundle.cjs'), []));
    // A module that cannot be read: a stamp no other call makes, so nothing is ever reused.
    expect(codeStamp(url('missing.js'), [])).not.toBe(codeStamp(url('missing.js'), ['x']));
  });
});
