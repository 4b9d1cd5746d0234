/**
 * Starts the command line from its bundle (lib/bundle/cli.cjs, made by scripts/bundle.mjs)
 * with V8's code cache. A cold run spends a large part of its first second compiling
 * JavaScript (parsing the bundle, then each function on its first call); V8 can save the
 * compiled code of a finished run and take it back in the next, which then compiles almost
 * nothing. Node 20 offers that only to scripts (`vm.Script` and its `cachedData`), so the
 * bundle is one CommonJS script, run here the way Node runs a CommonJS module.
 *
 * The code is kept in studyguide's cache folder (src/references/disk-cache.ts, `code/`), one
 * entry per command (a `check` compiles less than a `build`), keyed by the bundle's hash and
 * the Node version and platform: another build or another Node never reads it (V8 itself
 * checks only the length of the source), and V8 rejects code it cannot use (then it is written
 * again). It is written after the first run of a command that exits 0. With caching off
 * (`STUDYGUIDE_CACHE_DIR=`), or where the folder cannot be written, the bundle runs without it.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { codeHash } from './code-hash.js';
import { readCacheFile, writeCacheFile } from './references/disk-cache.js';

/** Code cache entries kept: a few commands of one or two versions (each is 2–5 MB). */
const keepEntries = 12;

interface Bundle {
  main(argv: string[]): Promise<number>;
}

/** Runs the command line with `argv` (the arguments after `studyguide`); resolves to its exit code. */
export async function start(argv: string[], bundleFile = fileURLToPath(new URL('./bundle/cli.cjs', import.meta.url))): Promise<number> {
  // esbuild writes the bundle in ASCII (non-ASCII characters escaped), and ASCII read as
  // Latin-1 is the same text, decoded in less time than as UTF-8 (about 15 ms of a 7.7 MB file).
  const bytes = readFileSync(bundleFile);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const key = cacheKey(bundleFile, argv);
  const cached = key ? readCacheFile('code', key, '.bin') : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __studyguideImport) {${source}\n})`, {
    filename: bundleFile,
    ...(cached ? { cachedData: cached } : {}),
  });
  const module = { exports: {} as Bundle };
  const wrapper = script.runInThisContext() as (exports: object, require: NodeRequire, module: object, filename: string, dirname: string, load: (specifier: string) => Promise<unknown>) => void;
  // The bundle's import() of run-time files (src/import-module.ts) is this module's.
  wrapper(module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile), (specifier) => import(specifier));
  const code = await module.exports.main(argv);
  // Only after a run that went through: the cache then holds every function the command used.
  if (code === 0 && key && (!cached || script.cachedDataRejected === true)) {
    try {
      writeCacheFile('code', key, '.bin', script.createCachedData(), keepEntries);
    } catch {
      // Only a head start for the next run: a run that went through is not failed for it.
    }
  }
  return code;
}

/** The entry for this bundle, Node and command (`--html-only` runs far less code: an entry of its own). */
function cacheKey(bundleFile: string, argv: readonly string[]): string | undefined {
  let bundle: string;
  try {
    bundle = codeHash(bundleFile);
  } catch {
    return undefined;
  }
  const command = argv.find((a) => !a.startsWith('-')) ?? '';
  const mode = [/^[a-z-]{1,20}$/.test(command) ? command : '', argv.includes('--html-only')];
  return createHash('sha256').update(JSON.stringify([bundle, process.version, process.arch, process.platform, process.execArgv, mode])).digest('hex');
}
