/**
 * `import()` of a module named only at run time: a teacher's `.js`/`.mjs` config file, jiti
 * (for a `.ts` one), the precompiled templates. The command line's bundle is a script run by
 * src/start.ts, and on Node 20 a script's own `import()` cannot load modules without an
 * experimental flag, so scripts/bundle.mjs puts the loader's `import()` in place of this one.
 */
export function importModule<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
