/**
 * Bundled fonts: the theme's @font-face rules point at files the font packages ship, the
 * printer serves them under /_studyguide/fonts/ and nothing else there, and a guide in
 * Latin, Cyrillic and Greek prints with them, every font embedded and none as Type 3.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Printer } from '../src/browser/printer.js';
import { buildGuides } from '../src/build.js';
import { bundledFontFile, fontFolder, fontPackages, fontsPath, readBundledFont } from '../src/fonts.js';
import { repoRoot } from './helpers/cli.js';
import { pdffonts, pdfFonts, textRuns } from './helpers/pdf-fonts.js';
import { tempDir } from './helpers/tmp.js';

const theme = path.join(repoRoot, 'templates', 'theme.css');

describe('bundled font files', () => {
  it('finds the font packages', () => {
    for (const pkg of fontPackages) expect(fontFolder(pkg)).toMatch(/node_modules[\\/]@fontsource[\\/][a-z0-9-]+[\\/]files$/);
  });

  it('every @font-face in the theme names a bundled woff2 file, Latin, Cyrillic and Greek for both families', async () => {
    const css = await readFile(theme, 'utf8');
    const rules = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => m[1] ?? '');
    expect(rules.length).toBeGreaterThanOrEqual(30);
    const urls = rules.map((r) => /url\("([^"]+)"\)/.exec(r)?.[1] ?? '');
    for (const url of urls) {
      expect(url.startsWith(fontsPath)).toBe(true);
      expect(await bundledFontFile(url.slice(fontsPath.length)), url).toBeDefined();
    }
    for (const family of ['source-serif-4', 'source-sans-3']) {
      for (const subset of ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek']) {
        expect(urls).toContain(`${fontsPath}${family}-${subset}-400-normal.woff2`);
        expect(urls).toContain(`${fontsPath}${family}-${subset}-700-normal.woff2`);
      }
    }
  });

  it('keeps the fallback font stacks', async () => {
    const css = await readFile(theme, 'utf8');
    expect(css).toMatch(/--font-body: "Source Serif 4", "Noto Serif", "DejaVu Serif",[^;]*serif;/);
    expect(css).toMatch(/--font-heading: "Source Sans 3", "Noto Sans", "DejaVu Sans",[^;]*sans-serif;/);
  });

  it('serves only plain woff2 names from the font packages', async () => {
    const ok = await readBundledFont('source-serif-4-cyrillic-400-normal.woff2');
    expect(Buffer.from(ok!.subarray(0, 4)).toString('latin1')).toBe('wOF2');
    for (const name of [
      '../package.json',
      '..%2fpackage.json',
      'source-serif-4-latin-400-normal.woff',
      'source-serif-4/../../../package.json',
      '/etc/passwd',
      'source-serif-4-latin-400-normal.woff2/..',
      'other-font-latin-400-normal.woff2',
      'source-serif-4-no-such-file.woff2',
      'SOURCE-SERIF-4-LATIN-400-NORMAL.WOFF2',
      '',
    ]) {
      expect(await bundledFontFile(name), name).toBeUndefined();
      expect(await readBundledFont(name), name).toBeUndefined();
    }
  });
});

describe('printing with the bundled fonts', () => {
  const printer = new Printer({ timeoutMs: 30_000 });
  afterAll(() => printer.close());

  it('answers /_studyguide/fonts/ from the packages, never from the guide folder', async () => {
    // A guide folder that holds its own "_studyguide/fonts" must not be able to shadow them.
    const dir = await tempDir({ '_studyguide/fonts/evil.woff2': 'not a font', '_studyguide/fonts/x.png': 'x' });
    const html = `<!doctype html><html><head><style>
      @font-face { font-family: Evil; src: url("/_studyguide/fonts/evil.woff2") format("woff2"); }
      @font-face { font-family: Good; src: url("/_studyguide/fonts/source-sans-3-latin-700-normal.woff2") format("woff2"); }
      </style></head><body><p style="font-family: Evil">Evil text</p><p style="font-family: Good; font-weight: 700">Good text</p>
      <img src="/_studyguide/fonts/x.png"><img src="/_studyguide/fonts/..%2F..%2Fpackage.json"></body></html>`;
    const { pdf, blocked } = await printer.print({ html, baseDir: dir, paper: 'a4' });
    expect(blocked).toContain('https://guide.studyguide.invalid/_studyguide/fonts/evil.woff2');
    expect(blocked).toContain('https://guide.studyguide.invalid/_studyguide/fonts/x.png');
    expect(blocked).toContain('https://guide.studyguide.invalid/_studyguide/fonts/..%2F..%2Fpackage.json');
    expect(blocked.some((u) => u.includes('source-sans-3-latin-700-normal'))).toBe(false);
    const runs = await textRuns(pdf);
    expect(runs.find((r) => r.str.includes('Good'))?.font).toMatch(/\+SourceSans3.*-Bold$/);
    expect(runs.find((r) => r.str.includes('Evil'))?.font).not.toMatch(/SourceSans3|SourceSerif4/);
  });

  it('prints Latin, Cyrillic and Greek with the bundled fonts, all embedded, none as Type 3', async () => {
    const dir = await tempDir({
      'scripts/guide.md': [
        '---',
        'title: "Scripts: Шрифти і Γραφή"',
        'lang: uk',
        // The first "Хронологія" below is then the heading's (a table of contents would come first).
        'toc: false',
        '---',
        '',
        'Latin: Straße, naïve, Łódź. Кирилиця: Холодна війна поділила Європу. Ελληνικά: Η ιστορία της Αθήνας.',
        '',
        'Bold and italic: **Жирний Ηρόδοτος**, *Курсив Θουκυδίδης*.',
        '',
        '## Хронологія',
        '',
        '- **1949-04-04** — Заснування НАТО. Ίδρυση του ΝΑΤΟ.',
        '',
        '## Словник',
        '',
        'Завіса',
        ': Межа між Сходом і Заходом.',
        '',
      ].join('\n'),
    });
    const out = path.join(dir, 'out');
    const report = await buildGuides({ paths: [path.join(dir, 'scripts')], outDir: out, editions: ['student'] });
    expect(report.diagnostics).toEqual([]);
    const file = path.join(out, 'scripts.student.pdf');
    const bytes = new Uint8Array(await readFile(file));

    const fonts = await pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).not.toBe('Type3');
    }
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names.every((n) => /^(SourceSerif4|SourceSans3)/.test(n)), names.join(', ')).toBe(true);

    const runs = await textRuns(bytes);
    const fontOf = (text: string) => runs.find((r) => r.str.includes(text))?.font;
    expect(fontOf('Холодна')).toMatch(/\+SourceSerif4-Regular$/);
    expect(fontOf('ιστορία')).toMatch(/\+SourceSerif4-Regular$/);
    expect(fontOf('Straße')).toMatch(/\+SourceSerif4-Regular$/);
    expect(fontOf('Ηρόδοτος')).toMatch(/\+SourceSerif4-Bold$/);
    expect(fontOf('Θουκυδίδης')).toMatch(/\+SourceSerif4-Italic$/);
    expect(fontOf('Хронологія')).toMatch(/\+SourceSans3.*-Bold$/);
    expect(fontOf('Словник')).toMatch(/\+SourceSans3.*-Bold$/);

    // The same with poppler's pdffonts, where it is installed (poppler-utils).
    const listed = await pdffonts(file);
    if (listed !== undefined) {
      const rows = listed.split('\n').slice(2).filter((l) => l.trim() !== '');
      expect(rows.length).toBe(fonts.length);
      for (const row of rows) {
        expect(row).not.toMatch(/Type 3/);
        expect(row).toMatch(/^\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
      }
    }
  });

  it('falls back for CJK without faking bold as Type 3 glyphs', async () => {
    const dir = await tempDir({ 'cjk/guide.md': '---\ntitle: "冷战时期的欧洲"\nlang: zh\n---\n\n冷战把欧洲分成两个阵营。\n\n## 时间线\n\n- **1949-04-04** — 北大西洋公约组织成立。\n' });
    const out = path.join(dir, 'out');
    await buildGuides({ paths: [path.join(dir, 'cjk')], outDir: out, editions: ['student'] });
    const fonts = await pdfFonts(new Uint8Array(await readFile(path.join(out, 'cjk.student.pdf'))));
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).not.toBe('Type3');
    }
  });
});
