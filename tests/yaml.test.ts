/**
 * YAML as studyguide's readers parse it (src/yaml.ts): positions through the line counter, and
 * none of the `yaml` package's warnings on the terminal (Node's process warnings).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseYaml } from '../src/yaml.js';

describe('parseYaml', () => {
  const warnings: string[] = [];
  const listen = (w: Error) => void warnings.push(w.message);
  afterEach(() => {
    process.off('warning', listen);
    warnings.length = 0;
  });

  it('gives positions and no process warning for a mapping used as a key', async () => {
    process.on('warning', listen);
    const { doc, lineCounter } = parseYaml('title: T\ndate: {{ DATE }}\n');
    expect(doc.toJS()).toEqual({ title: 'T', date: { '{ DATE }': null } });
    // The line counter was filled by this parse: offset 9 is the start of line 2.
    expect(lineCounter.linePos(9)).toEqual({ line: 2, col: 1 });
    // Node delivers process warnings on a later turn.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual([]);
  });
});
