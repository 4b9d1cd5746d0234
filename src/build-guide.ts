/**
 * Builds the editions of one checked guide: render each edition's HTML, print it, set the PDF's
 * metadata, write the files atomically. Requests the page made and did not get are reported
 * as warnings at the place in the guide that asked for them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Printer } from './browser/printer.js';
import { positionAt, type Diagnostic } from './diagnostics.js';
import type { Guide } from './guide.js';
import type { Edition } from './html.js';
import type { BuildOptions } from './options.js';
import { writeAtomic } from './output.js';
import { setPdfMetadata } from './pdf/metadata.js';
import type { TemplateSet } from './templates.js';
import type { Theme } from './theme.js';
import { buildView } from './view.js';

export interface GuideBuild {
  guide: Guide;
  templates: TemplateSet;
  outDir: string;
  editions: readonly Edition[];
  paper: 'a4' | 'letter';
  theme?: Theme;
  printer: () => Promise<Printer>;
  options: BuildOptions;
}

export async function buildGuide(b: GuideBuild): Promise<{ outputs: string[]; warnings: Diagnostic[] }> {
  const { guide, options } = b;
  const outputs: string[] = [];
  const blocked = new Set<string>();
  await Promise.all(
    b.editions.map(async (edition) => {
      const started = performance.now();
      const html = b.templates.render(buildView(guide, { edition, paper: b.paper, ...(b.theme ? { theme: b.theme } : {}) }));
      const base = path.join(b.outDir, `${guide.slug}.${edition}`);
      if (options.html || options.htmlOnly) {
        await writeAtomic(`${base}.html`, html);
        outputs.push(`${base}.html`);
        options.onEvent?.({ type: 'output', guide: guide.slug, edition, file: `${base}.html`, format: 'html', ms: performance.now() - started, bytes: Buffer.byteLength(html) });
      }
      if (options.htmlOnly) return;
      const printed = await (await b.printer()).print({ html, baseDir: guide.dir, paper: b.paper });
      for (const url of printed.blocked) blocked.add(url);
      // Metadata and fixed dates: the same guide gives the same bytes (src/pdf/metadata.ts).
      const pdf = await setPdfMetadata(printed.pdf, guide.meta, { file: guide.file });
      await writeAtomic(`${base}.pdf`, pdf);
      outputs.push(`${base}.pdf`);
      options.onEvent?.({ type: 'output', guide: guide.slug, edition, file: `${base}.pdf`, format: 'pdf', ms: performance.now() - started, bytes: pdf.byteLength, pages: countPages(pdf) });
    }),
  );
  return { outputs: outputs.sort(), warnings: await blockedWarnings(guide.file, [...blocked], options.allowRemote ?? false) };
}

async function blockedWarnings(file: string, urls: string[], allowRemote: boolean): Promise<Diagnostic[]> {
  if (urls.length === 0) return [];
  const source = await readFile(file, 'utf8').catch(() => '');
  return urls.sort().map((url) => {
    const shown = url.replace(/^https:\/\/guide\.studyguide\.invalid\//, '');
    const remote = /^https?:\/\//.test(shown);
    const offset = source.indexOf(shown);
    const d: Diagnostic = {
      severity: 'warning',
      file,
      rule: remote ? 'remote-refused' : 'file-refused',
      message: remote
        ? allowRemote
          ? `could not fetch "${shown}" (too large, too slow or not found); it is left out`
          : `remote content "${shown}" is not fetched; it is left out (use --allow-remote to fetch it)`
        : `"${shown}" is not in the guide's folder (or is not an image, font or stylesheet); it is left out`,
    };
    if (offset >= 0) d.position = positionAt(source, offset);
    return d;
  });
}

/** Page count for progress lines: Chrome writes one `/Type /Page` object per page. */
function countPages(pdf: Uint8Array): number | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const n = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length;
  return n || undefined;
}
