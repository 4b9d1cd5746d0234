/**
 * What a file of studyguide's own code is, for cache keys: its SHA-256, or, for the command
 * line's bundle (7 MB), the one scripts/bundle.mjs recorded beside it (`<file>.sha256`) when
 * it wrote it, so that a run does not hash the bundle again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './hash.js';
import { packageAbove } from './paths.js';

export function codeHash(file: string): string {
  return recordedHash(file) ?? sha256(readFileSync(file));
}

/** The hash scripts/bundle.mjs recorded beside the bundle; undefined for any other file. */
function recordedHash(file: string): string | undefined {
  try {
    const recorded = readFileSync(`${file}.sha256`, 'utf8').trim();
    return /^[a-f0-9]{64}$/.test(recorded) ? recorded : undefined;
  } catch {
    return undefined; // not the bundle
  }
}

const stamps = new Map<string, string>();
const bundles = new Map<string, string | undefined>();

/**
 * The bundle's recorded hash when `moduleUrl` is the command line's bundle, which holds all of
 * studyguide's code and its packages'; undefined for the library's modules (no one hash).
 */
export function bundleStamp(moduleUrl: string): string | undefined {
  if (!bundles.has(moduleUrl)) {
    let recorded: string | undefined;
    try {
      recorded = recordedHash(fileURLToPath(moduleUrl));
    } catch {
      recorded = undefined;
    }
    bundles.set(moduleUrl, recorded);
  }
  return bundles.get(moduleUrl);
}

/**
 * What made a cached result, for the disk cache's keys (src/references/disk-cache.ts): in the
 * command line's bundle, the bundle, which holds the packages' code too; elsewhere (the
 * library, the tests) the module's own file and the versions of the packages it runs, as they
 * are installed beside it, and the files of `modules` (paths relative to it) whose code also
 * makes the result. A result of other code is never served. When the module's file
 * cannot be read, the stamp is one no other process makes: nothing is reused.
 */
export function codeStamp(moduleUrl: string, packages: readonly string[], modules: readonly string[] = []): string {
  const key = `${moduleUrl}\0${packages.join('\0')}\0${modules.join('\0')}`;
  let stamp = stamps.get(key);
  if (stamp === undefined) {
    const hash = createHash('sha256');
    const bundle = bundleStamp(moduleUrl);
    try {
      hash.update(bundle ?? sha256(readFileSync(fileURLToPath(moduleUrl))));
      if (!bundle) for (const name of packages) hash.update(`\0${name}@${packageVersion(moduleUrl, name)}`);
      if (!bundle) for (const name of modules) hash.update(`\0${sha256(readFileSync(fileURLToPath(new URL(name, moduleUrl))))}`);
    } catch {
      hash.update(`${process.pid}\0${Math.random()}`);
    }
    stamp = hash.digest('hex');
    stamps.set(key, stamp);
  }
  return stamp;
}

/** Versions found in this process, like the stamps above: resolving a package costs file lookups. */
const versions = new Map<string, string>();

/** The version of package `name` as installed for the module at `moduleUrl`, or "unknown". */
export function packageVersion(moduleUrl: string, name: string): string {
  const key = `${moduleUrl}\0${name}`;
  let version = versions.get(key);
  if (version === undefined) {
    try {
      version = packageAbove(path.dirname(createRequire(moduleUrl).resolve(name)), name)?.json.version ?? 'unknown';
    } catch {
      version = 'unknown'; // not found: the stamp says so
    }
    versions.set(key, version);
  }
  return version;
}
