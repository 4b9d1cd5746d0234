#!/usr/bin/env node
// Bundles the command line (src/cli.ts and what it loads) into lib/bundle/ with esbuild, so
// that `studyguide` starts by reading a few files instead of about 1,500 small modules: a
// cold `build` or `check` spends about a second less on loading code. The library API
// (lib/index.js, built by tsc) is not bundled. Dynamic imports stay separate chunks, so
// `check` still loads no browser, template or PDF code.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'lib/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Loaded only for a .ts config file; big, and loads files itself.
  external: ['jiti'],
  // CommonJS packages inside an ES module bundle need a require of their own.
  banner: { js: "import { createRequire as __studyguideRequire } from 'node:module'; const require = __studyguideRequire(import.meta.url);" },
  legalComments: 'eof',
  logLevel: 'warning',
  logOverride: { 'unsupported-require-call': 'silent' },
});
