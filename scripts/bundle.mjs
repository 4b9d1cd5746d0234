#!/usr/bin/env node
// Bundles the command line (src/cli.ts and what it loads) into one script,
// lib/bundle/cli.cjs, with esbuild, so that `studyguide` starts by reading one file instead of
// about 1,500 small modules (a cold `build` or `check` spends about a second less on loading
// code), and can keep V8's compiled code of it between runs (src/start.ts). The library API
// (lib/index.js, built by tsc) is not bundled. Modules imported on demand are evaluated only
// when first used, so `check` still runs no browser, template or PDF code.
//
// It also writes lib/source-labels.json, the shipped publisher labels (data/source-labels.yaml)
// checked and parsed once here rather than at every start (src/reliability/labels.ts), and
// lib/templates.precompiled.js, the built-in templates precompiled (src/templates.ts).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

// The bundle's import() of run-time files (src/import-module.ts) is the loader's, which src/start.ts hands in.
const loaderImport = {
  name: 'loader-import',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]import-module\.ts$/ }, () => ({
      contents: 'export function importModule(specifier) { return __studyguideImport(specifier); }',
      loader: 'js',
    }));
  },
};

// One CommonJS script, so that V8 can keep its compiled code between runs (src/start.ts runs
// it with the code cache); modules imported on demand still run only when first needed.
await rm('lib/bundle', { recursive: true, force: true });
const result = await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'lib/bundle/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Loaded only for a .ts config file; big, and loads files itself.
  external: ['jiti'],
  // The modules find their files (templates/, csl/, fonts) from their own address.
  define: { 'import.meta.url': '__studyguideModuleUrl' },
  banner: { js: "const __studyguideModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'eof',
  logLevel: 'warning',
  logOverride: { 'unsupported-require-call': 'silent' },
  // Any other import() (a package's own, of a Node built-in) becomes a require().
  supported: { 'dynamic-import': false },
  plugins: [noDownloads, loaderImport],
  write: false,
});
const [output] = result.outputFiles;
// esbuild leaves a few non-ASCII characters (in comments and regular expressions); one makes the
// whole 7.7 MB source a two-byte string, slower to read (utf8 decoding: 40-55 ms against 15-25)
// and twice the memory. Escaped, each means the same in a comment, string, template or regular
// expression (astral characters as surrogate pairs, which a u-flag expression reads as one).
// An escaped one (a backslash before it) would need more care than this; none is there today.
if (/\\[\u0080-\uffff]/.test(output.text)) throw new Error('bundle: a backslash before a non-ASCII character; teach scripts/bundle.mjs to escape it');
const ascii = output.text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
await mkdir('lib/bundle', { recursive: true });
await writeFile('lib/bundle/cli.cjs', ascii);
// The bundle's hash keys its code cache (V8 itself checks only the source's length) and its citation cache (src/code-hash.ts).
await writeFile('lib/bundle/cli.cjs.sha256', `${sha256(ascii)}\n`);
