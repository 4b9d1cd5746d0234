#!/usr/bin/env node
// Bundles the command line (src/cli.ts and what it loads) into lib/bundle/ with esbuild, so
// that `studyguide` starts by reading a few files instead of about 1,500 small modules: a
// cold `build` or `check` spends about a second less on loading code. The library API
// (lib/index.js, built by tsc) is not bundled. Dynamic imports stay separate chunks, so
// `check` still loads no browser, template or PDF code.
//
// It also writes lib/source-labels.json: the shipped publisher labels (data/source-labels.yaml),
// checked and parsed once here rather than at every start (src/reliability/labels.ts).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { Reporter } from '../lib/diagnostics.js';
import { builtinLabelsFile, builtinLabelsJson, readLabels } from '../lib/reliability/labels.js';

const reporter = new Reporter(builtinLabelsFile);
const labels = await readLabels(builtinLabelsFile, reporter);
if (reporter.diagnostics.length > 0) {
  console.error(`bundle: ${builtinLabelsFile}: ${reporter.diagnostics.map((d) => d.message).join('; ')}`);
  process.exit(1);
}
const sha256 = createHash('sha256').update(await readFile(builtinLabelsFile)).digest('hex');
await writeFile(builtinLabelsJson, `${JSON.stringify({ sha256, labels })}\n`);

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
