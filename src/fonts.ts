/**
 * The fonts bundled with studyguide (npm font packages, SIL Open Font License), served to the
 * print page under a reserved URL prefix so that a handout looks the same on every machine.
 *
 * The theme's `@font-face` rules point at `/_studyguide/fonts/<file>.woff2`; the printer answers
 * those requests from the font packages' own `files/` folders and nothing else: the name must
 * be a plain `.woff2` file name (no folders, no `..`) of one of the packages below.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageVersion } from './code-hash.js';
import { inside } from './paths.js';

/** URL path under the page's origin where the bundled fonts are served. */
export const fontsPath = '/_studyguide/fonts/';

/** Font packages whose `files/` folder may be served; a file's name starts with the package's. */
export const fontPackages = ['@fontsource/source-serif-4', '@fontsource/source-sans-3'] as const;

const fileName = /^[a-z0-9]+(?:-[a-z0-9]+)*\.woff2$/;
const require = createRequire(import.meta.url);
const cache = new Map<string, Uint8Array>();

/** The installed versions of the font packages (a PDF printed with other fonts is another PDF). */
export function fontVersions(): string {
  return fontPackages.map((pkg) => `${pkg}@${packageVersion(import.meta.url, pkg)}`).join(' ');
}

/** The folder a font package's files are in, or undefined when the package is not installed. */
export function fontFolder(pkg: (typeof fontPackages)[number]): string | undefined {
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
  } catch {
    return undefined;
  }
}

/**
 * The path of a bundled font file by its name (`source-serif-4-latin-400-normal.woff2`), or
 * undefined when the name is not that of a file in one of the font packages.
 */
export async function bundledFontFile(name: string): Promise<string | undefined> {
  if (!fileName.test(name)) return undefined;
  const pkg = fontPackages.find((p) => name.startsWith(`${p.slice(p.indexOf('/') + 1)}-`));
  const folder = pkg && fontFolder(pkg);
  if (!folder) return undefined;
  const file = path.join(folder, name);
  const isFile = await stat(file).then((st) => st.isFile(), () => false);
  return isFile && (await inside(folder, file)) ? file : undefined;
}

/** The bytes of a bundled font (each file read once per run), or undefined when there is no such font. */
export async function readBundledFont(name: string): Promise<Uint8Array | undefined> {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = await bundledFontFile(name);
  const bytes = file ? await readFile(file).catch(() => undefined) : undefined;
  if (bytes) cache.set(name, bytes);
  return bytes;
}
