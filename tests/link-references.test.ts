import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGuide } from '../src/guide.js';
import { buildView } from '../src/view.js';
import { tempDir } from './helpers/tmp.js';

describe('reference-style links', () => {
  it('find their definitions in another section, as links and images in the HTML', async () => {
    const dir = await tempDir({
      'guide.md': [
        '# Links',
        '',
        'Read [the treaty][nato] and [UN] first.',
        '',
        '## Pictures',
        '',
        '![The signing][photo]',
        '',
        '## Sources',
        '',
        'See [the archive][nato] again, and [not a reference][nowhere].',
        '',
        '[nato]: https://www.nato.int/cps/en/natohq/official_texts_17120.htm "The North Atlantic Treaty"',
        '[UN]: https://www.un.org/',
        '[photo]: signing.png',
        '[NATO]: https://example.org/second-definition-is-ignored',
        '',
      ].join('\n'),
      'signing.png': Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    });
    const guide = await loadGuide(path.join(dir, 'guide.md'));
    expect(guide.diagnostics).toEqual([]);
    const sections = buildView(guide, { edition: 'student', paper: 'a4' }).sections.map((s) => String((s as { html?: unknown }).html));
    expect(sections.join('\n')).toContain('<a href="https://www.nato.int/cps/en/natohq/official_texts_17120.htm" title="The North Atlantic Treaty">the treaty</a> and <a href="https://www.un.org/">UN</a>');
    expect(sections.join('\n')).toContain('<img src="signing.png" alt="The signing">');
    expect(sections.join('\n')).toContain('See <a href="https://www.nato.int/cps/en/natohq/official_texts_17120.htm" title="The North Atlantic Treaty">the archive</a> again, and [not a reference][nowhere].');
    expect(sections.join('\n')).not.toContain('second-definition');
  });
});
