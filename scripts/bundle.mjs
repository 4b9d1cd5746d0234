#!/usr/bin/env node
// Bundles the command line (src/cli.ts and what it loads) into lib/bundle/ with esbuild, so
// that `studyguide` starts by reading a few files instead of about 1,500 small modules: a
// cold `build` or `check` spends about a second less on loading code. The library API
// (lib/index.js, built by tsc) is not bundled. Dynamic imports stay separate chunks, so
// `check` still loads no browser, template or PDF code.
//
// It also writes lib/source-labels.json, the shipped publisher labels (data/source-labels.yaml)
// checked and parsed once here rather than at every start (src/reliability/labels.ts), and
// lib/templates.precompiled.js, the built-in templates precompiled (src/templates.ts).
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { Reporter } from '../lib/diagnostics.js';
import { builtinLabelsFile, builtinLabelsJson, readLabels } from '../lib/reliability/labels.js';
import { sha256 } from '../lib/hash.js';
import { builtinTemplates, precompiledTemplatesFile } from '../lib/templates.js';

const reporter = new Reporter(builtinLabelsFile);
const labels = await readLabels(builtinLabelsFile, reporter);
if (reporter.diagnostics.length > 0) {
  console.error(`bundle: ${builtinLabelsFile}: ${reporter.diagnostics.map((d) => d.message).join('; ')}`);
  process.exit(1);
}
const labelsHash = sha256(await readFile(builtinLabelsFile));
await writeFile(builtinLabelsJson, `${JSON.stringify({ sha256: labelsHash, labels })}\n`);

// The built-in templates, precompiled with the options src/templates.ts compiles with; each is
// used only while its source has the same hash (a template edited since is compiled at run time).
const names = ['layout.hbs', ...(await readdir(path.join(builtinTemplates, 'partials'))).filter((f) => f.endsWith('.hbs')).sort().map((f) => `partials/${f}`)];
const entries = [];
for (const name of names) {
  const source = await readFile(path.join(builtinTemplates, name), 'utf8');
  const spec = Handlebars.precompile(source, { strict: false, preventIndent: true });
  entries.push(`  ${JSON.stringify(name)}: { sha256: ${JSON.stringify(sha256(source))}, spec: ${spec} },`);
}
await writeFile(precompiledTemplatesFile, `// Made by scripts/bundle.mjs from templates/: do not edit.\nexport default {\n${entries.join('\n')}\n};\n`);

// Puppeteer's browser manager imports a proxy stack (proxy-agent: PAC scripts run in a
// WebAssembly JavaScript engine, FTP, SOCKS) for downloading browsers, which studyguide never does
// (it finds an installed browser): about 1 MB of code loaded at every start. In the bundle that
// import gets a stand-in that says so if it is ever used.
const noDownloads = {
  name: 'no-downloads',
  setup(b) {
    b.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'studyguide-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'studyguide-stub' }, () => ({
      contents: "export class ProxyAgent { constructor() { throw new Error('studyguide does not download browsers; install one (see the README, Browser)'); } }",
      loader: 'js',
    }));
  },
};

// Chunks are named by hash: remove the last build's, or they would pile up (and be packed).
await rm('lib/bundle', { recursive: true, force: true });
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
  plugins: [noDownloads],
});
