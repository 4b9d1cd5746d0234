import { describe, expect, it } from 'vitest';
import { checkAltText } from '../src/accessibility.js';
import { formatDiagnostic, Reporter } from '../src/diagnostics.js';
import { parseMarkdown } from '../src/parse.js';

describe('alt text', () => {
  it('warns about images without a description, at their line', () => {
    const reporter = new Reporter('/g/guide.md');
    checkAltText(parseMarkdown('![](map.png)\n\n![A map](map.png)\n\n<img src="x.png">\n\n<img src="y.png" alt="Y">\n'), reporter);
    expect(reporter.diagnostics.map((d) => formatDiagnostic(d, '/g'))).toEqual([
      'guide.md:1:1: warning: image "map.png" has no description for screen readers: write it in the brackets, ![a map of Europe in 1955](map.png)',
      'guide.md:5:1: warning: image has no description for screen readers: add alt="…" to the <img> tag',
    ]);
  });

  it('shortens an image written into the text as data', () => {
    const reporter = new Reporter('/g/guide.md');
    checkAltText(parseMarkdown(`![](data:image/png;base64,${'A'.repeat(5000)})\n`), reporter);
    expect(reporter.diagnostics.map((d) => formatDiagnostic(d, '/g'))).toEqual([
      'guide.md:1:1: warning: image "data:image/png;base64,…" has no description for screen readers: write it in the brackets, ![a map of Europe in 1955](data:image/png;base64,…)',
    ]);
  });
});
