#!/usr/bin/env node
// studyguide's benchmark: `npm run bench` (or `node scripts/bench.mjs [--quick] [--keep]` after
// `npm run build`). It generates realistic guides into a temporary folder, times the whole
// command (cold build, check, batches of 10 and 100 guides, with the peak memory of the whole
// process tree), a warm rebuild through the library API, and a bare Puppeteer loop printing the
// project's own HTML in the same browser, then prints one table. See docs/performance.md.
//
//   --quick     1 and 10 guides only (about 3 minutes on 2 cores; the full run about 5)
//   --keep      keep the temporary folder and print where it is
//   --reps N    runs of each one-guide whole-command figure, after a warm-up (default 3)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const bin = path.join(root, 'bin', 'studyguide.js');
const libIndex = pathToFileURL(path.join(root, 'lib', 'index.js')).href;

// The flags src/browser/printer.ts launches Chrome with (plus --no-sandbox as root).
const launchFlags = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--font-render-hinting=none'];
// The reserved URL prefix under which studyguide's theme loads its bundled fonts (src/fonts.ts).
const fontsPrefix = '/_studyguide/fonts/';

const args = process.argv.slice(2);

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const quick = args.includes('--quick');
  const keep = args.includes('--keep');
  const repsArg = args.indexOf('--reps');
  const reps = repsArg >= 0 ? Math.max(1, Number(args[repsArg + 1]) || 3) : 3;
  const unknown = args.filter((a, i) => !['--quick', '--keep', '--reps'].includes(a) && args[i - 1] !== '--reps');
  if (unknown.length) {
    console.error(`bench: unknown argument ${unknown[0]}; use --quick, --keep or --reps N`);
    process.exit(2);
  }
  if (!existsSync(path.join(root, 'lib', 'index.js'))) {
    console.error('bench: lib/ is not built; run "npm run bench" (it builds first) or "npm run build".');
    process.exit(2);
  }
  const batchSizes = quick ? [10] : [10, 100];
  const biggest = batchSizes[batchSizes.length - 1];
  const started = performance.now();

  const machine = await describeMachine();
  printMachine(machine);
  const busy = () => os.loadavg()[0] > machine.cores * 0.5;
  if (busy()) process.stderr.write(`bench: warning: the machine is busy (load average ${os.loadavg()[0].toFixed(1)} on ${machine.cores} cores); figures will be slower and noisier\n`);
  const loadAtStart = os.loadavg()[0];

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'studyguide-bench-'));
  const rows = [];
  const notes = [];
  try {
    // Guides: one folder per batch size (the guides differ: each is seeded by its number).
    const sets = {};
    for (const n of [1, ...batchSizes]) sets[n] = await writeGuides(path.join(tmp, `guides-${n}`), n);
    const one = path.join(tmp, 'guides-1', 'guide-001');
    const out = (name) => path.join(tmp, 'out', name);

    codeCache = path.join(tmp, 'code-cache');
    await mkdir(codeCache);

    step('check, one guide (whole command, no browser)');
    const check = await timeCommand(['check', one, '-q'], { reps, cwd: tmp, warmup: 1 });
    if (check.stderr.trim()) notes.push(`check printed diagnostics for the generated guide:\n${check.stderr.trim()}`);

    // A first build writes into an empty folder: an edition with page numbers is printed with
    // pages estimated from the screen layout, and again if they prove wrong (src/pagerefs.ts). A
    // rebuild writes over the last build's PDFs, whose pages it tries first. How many prints
    // each took is counted in one more run with --verbose.
    step('build, one guide, both editions (whole command): first build, then rebuild');
    const cache = (name) => path.join(tmp, 'cache', name);
    const cold = await timeCommand((i) => ['build', one, '--out', out(`cold-${i}`), '-q'], { reps, cwd: tmp, warmup: 1, cache: (i) => cache(`cold-${i}`) });
    const pages = await pageCounts(out('cold-1'));
    // A rebuild prints again with --force: without it, editions whose inputs did not change
    // are kept (src/last-build.ts), timed below as a figure of its own.
    const rebuild = await timeCommand(['build', one, '--out', out('cold-1'), '--force', '-q'], { reps, cwd: tmp, cache: cache('cold-1') });
    const kept = await timeCommand(['build', one, '--out', out('cold-1'), '-q'], { reps, cwd: tmp, cache: cache('cold-1') });
    step('build, one guide, both editions, citations and page numbers cached by an earlier build (new output folder)');
    const cached = await timeCommand((i) => ['build', one, '--out', out(`cached-${i}`), '-q'], { reps, cwd: tmp, cache: cache('cold-1') });
    step('build, one guide, both editions: the first run of this studyguide (no code cache)');
    const firstRun = await timeCommand((i) => ['build', one, '--out', out(`first-run-${i}`), '-q'], { reps, cwd: tmp, cache: (i) => cache(`first-run-${i}`), withCodeCache: false });
    step('build, one guide, student edition only (one PDF, as md-to-pdf makes)');
    const single = await timeCommand((i) => ['build', one, '--out', out(`single-${i}`), '--edition', 'student', '-q'], { reps, cwd: tmp, warmup: 1, cache: (i) => cache(`single-${i}`) });
    const coldPrints = await countPrints(['build', one, '--out', out('prints-cold')], tmp);
    const rebuildPrints = await countPrints(['build', one, '--out', out('prints-cold')], tmp);
    const singlePrints = await countPrints(['build', one, '--out', out('prints-single'), '--edition', 'student'], tmp);

    step(`--html-only, ${biggest} guides (no browser)`);
    const htmlDir = out(`html-${biggest}`);
    const htmlOnly = await timeCommand(['build', sets[biggest], '--out', htmlDir, '--html-only', '-q'], { reps: 1, cwd: tmp });

    // The bare loop runs before and after the batches, and once more (plain options only)
    // between the biggest batch's first build and its rebuild; each of those two is compared
    // with the bare runs on either side of it, the other batches with the mean of the runs
    // before and after: on a shared machine one run of it alone moved by 10 % and more.
    const htmlFiles = (await readdir(htmlDir)).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(htmlDir, f));
    const baselineInput = { files: htmlFiles, outDir: out('baseline'), reps: quick ? 2 : 1 };
    step(`bare Puppeteer on the same HTML (${2 * biggest} documents, 2 pages in flight), before the batches`);
    const baselineBefore = await runWorker('baseline', baselineInput);

    const batches = [];
    let baselineBetween;
    for (const n of batchSizes) {
      const batchReps = n >= 100 ? 1 : 3;
      step(`build, ${n} guides (whole command): first build`);
      const r = await timeCommand((i) => ['build', sets[n], '--out', out(`batch-${n}-${i}`), '-q'], { reps: batchReps, cwd: tmp, cache: (i) => cache(`batch-${n}-${i}`) });
      const written = (await readdir(out(`batch-${n}-0`))).filter((f) => f.endsWith('.pdf')).length;
      if (written !== 2 * n) throw new Error(`batch of ${n} wrote ${written} PDFs, expected ${2 * n}`);
      batches.push({ n, kind: 'first build', ...r, docsPerS: (2 * n) / (r.ms / 1000) });
      if (n === biggest) {
        step(`bare Puppeteer on the same HTML (${2 * biggest} documents, 2 pages in flight), between the first build and the rebuild`);
        baselineBetween = await runWorker('baseline', { ...baselineInput, plainOnly: true });
      }
      step(`build, ${n} guides (whole command): rebuild over the first build`);
      const again = await timeCommand(['build', sets[n], '--out', out(`batch-${n}-0`), '--force', '-q'], { reps: batchReps, cwd: tmp, cache: cache(`batch-${n}-0`) });
      batches.push({ n, kind: 'rebuild', ...again, docsPerS: (2 * n) / (again.ms / 1000) });
      if (n === biggest) {
        step(`build, ${n} guides (whole command): again, nothing changed`);
        const same = await timeCommand(['build', sets[n], '--out', out(`batch-${n}-0`), '-q'], { reps: 1, cwd: tmp, cache: cache(`batch-${n}-0`) });
        batches.push({ n, kind: 'unchanged', ...same, docsPerS: (2 * n) / (same.ms / 1000) });
      }
    }

    step(`bare Puppeteer on the same HTML (${2 * biggest} documents, 2 pages in flight), after the batches`);
    const baselineAfter = await runWorker('baseline', baselineInput);
    const baseline = meanOfBaselines([baselineBefore, baselineAfter]);
    if (baseline.result.fontRequests === 0) notes.push('the baseline answered no font requests: check that the theme still loads fonts from /_studyguide/fonts/');
    if (baseline.result.fontMisses > 0) notes.push(`the baseline could not answer ${baseline.result.fontMisses} font requests`);

    step('warm rebuild of one guide through the library API (one Printer)');
    const pairHtml = htmlFiles.filter((f) => path.basename(f).startsWith('guide-001.'));
    const warm = await runWorker('warm', { guide: one, outDir: out('warm'), reps: 10, pair: pairHtml });

    step('studyguide dev: from saving the guide to both new PDFs on disk (10 saves)');
    const dev = await timeDev(path.join(tmp, 'dev'), one, 10);

    // The same guide as plain Markdown: citations and the references file taken out, so that
    // neither tool has citations to format (md-to-pdf has none; it printed them as text above).
    const plainDir = path.join(tmp, 'plain', 'guide-001');
    await mkdir(plainDir, { recursive: true });
    const plainText = (await readFile(path.join(one, 'guide.md'), 'utf8'))
      .replace(/^references: .*\n/m, '')
      .replace(/ ?\[[^\]]*@[a-z0-9]+[^\]]*\]/g, '')
      .replace(/@([a-z]+)\d{4}/g, (_, name) => name[0].toUpperCase() + name.slice(1));
    await writeFile(path.join(plainDir, 'guide.md'), plainText);
    step('build, the same guide as plain Markdown (no citations), both editions and student edition');
    const plainBoth = await timeCommand((i) => ['build', plainDir, '--out', out(`plain-${i}`), '-q'], { reps, cwd: tmp, warmup: 1 });
    const plainOne = await timeCommand((i) => ['build', plainDir, '--out', out(`plain-one-${i}`), '--edition', 'student', '-q'], { reps, cwd: tmp, warmup: 1 });
    const plainPrints = await countPrints(['build', plainDir, '--out', out('prints-plain')], tmp);
    const plainOnePrints = await countPrints(['build', plainDir, '--out', out('prints-plain-one'), '--edition', 'student'], tmp);

    step('md-to-pdf (peer), if installed');
    const peer = await peerMdToPdf(path.join(one, 'guide.md'), path.join(tmp, 'peer'), reps);
    const peerPlain = await peerMdToPdf(path.join(plainDir, 'guide.md'), path.join(tmp, 'peer-plain'), reps);

    // -----------------------------------------------------------------------------------------
    const base = baseline.result.plain;
    const ratio = (v) => `${(v / base.docsPerS).toFixed(2)}×`;
    // The biggest batch against the bare runs on either side of it.
    const plainRate = (run) => run.result.plain.docsPerS;
    const beside = { 'first build': [baselineBefore, baselineBetween], rebuild: [baselineBetween, baselineAfter] };
    const besideRate = (b) => (b.n === biggest && beside[b.kind] ? beside[b.kind].map(plainRate) : undefined);
    const perDoc = (cpuMs, docs) => `${Math.round(cpuMs / docs)} ms CPU/doc`;
    rows.push(['`check`, 1 guide (whole command, no browser)', `**${ms(check.ms)}** · ${ms(check.cpuMs)} CPU`, '']);
    rows.push([`\`build\`, 1 guide, both editions, first build (whole command; ${pages}; ${coldPrints})`, `**${ms(cold.ms)}** · ${ms(cold.cpuMs)} CPU · peak ${mb(cold.peak)}`, '']);
    rows.push(['`build`, 1 guide, both editions, first build, and the first run of this studyguide on the machine: no compiled code cached yet (whole command)', `**${ms(firstRun.ms)}** · ${ms(firstRun.cpuMs)} CPU`, '']);
    rows.push(['`build`, 1 guide, both editions, first build into an empty folder, citations and page numbers cached by an earlier build (whole command)', `**${ms(cached.ms)}** · ${ms(cached.cpuMs)} CPU`, '']);
    rows.push([`\`build --force\`, 1 guide, both editions, rebuild (whole command; ${rebuildPrints}; citations cached)`, `**${ms(rebuild.ms)}** · ${ms(rebuild.cpuMs)} CPU`, '']);
    rows.push(['`build`, 1 guide, both editions, again with nothing changed (whole command; both PDFs kept, no print)', `**${ms(kept.ms)}** · ${ms(kept.cpuMs)} CPU`, '']);
    rows.push([`\`build --edition student\`, 1 guide, first build (whole command; one PDF, ${singlePrints})`, `**${ms(single.ms)}** · ${ms(single.cpuMs)} CPU · peak ${mb(single.peak)}`, '']);
    for (const b of batches) {
      if (b.kind === 'unchanged') {
        rows.push([`\`build\`, ${b.n} guides, again with nothing changed (whole command; every PDF kept, no print)`, `${sec(b.ms)} · ${perDoc(b.cpuMs, 2 * b.n)} · peak ${mb(b.peak)}`, '']);
        continue;
      }
      const near = besideRate(b);
      const nearMean = near ? (near[0] + near[1]) / 2 : undefined;
      const against = near ? `; against the bare runs just before and after it (${near.map((v) => v.toFixed(2)).join(' and ')} docs/s): ${(b.docsPerS / nearMean).toFixed(2)}×` : '';
      rows.push([`\`build${b.kind === 'rebuild' ? ' --force' : ''}\`, ${b.n} guides = ${2 * b.n} PDFs, ${b.kind === 'rebuild' ? 'rebuild (citations cached)' : b.kind} (whole command)`, `${sec(b.ms)} · **${b.docsPerS.toFixed(2)} docs/s** · ${perDoc(b.cpuMs, 2 * b.n)} · peak ${mb(b.peak)}`, `${ratio(b.docsPerS)}${against}`]);
    }
    rows.push([`\`build --html-only\`, ${biggest} guides (load + render, no browser)`, `${sec(htmlOnly.ms)} · ${((htmlOnly.ms - check.ms) / biggest).toFixed(0)} ms/guide after start-up · peak ${mb(htmlOnly.peak)}`, '']);
    rows.push([`bare Puppeteer, same HTML, ${base.docs} docs, 2 pages in flight (launch included; the mean of a run before the batches and one after: ${base.each.map((v) => v.toFixed(2)).join(' and ')} docs/s; between the ${biggest}-guide first build and its rebuild: ${plainRate(baselineBetween).toFixed(2)} docs/s)`, `${sec(base.ms)} · **${base.docsPerS.toFixed(2)} docs/s** · ${perDoc(base.cpuMs, base.docs)} · peak ${mb(baseline.peak)}`, '1.00×']);
    rows.push(['… the same with `tagged: true, outline: true` (what studyguide asks Chrome for)', `${sec(baseline.result.tagged.ms)} · ${baseline.result.tagged.docsPerS.toFixed(2)} docs/s · ${perDoc(baseline.result.tagged.cpuMs, base.docs)}`, ratio(baseline.result.tagged.docsPerS)]);
    const noFrames = baseline.result.noFrames;
    if (noFrames) rows.push(['… and with `--enable-begin-frame-control` (no frames drawn, as studyguide launches the headless shell)', `${sec(noFrames.ms)} · ${noFrames.docsPerS.toFixed(2)} docs/s · ${perDoc(noFrames.cpuMs, base.docs)}`, ratio(noFrames.docsPerS)]);
    const pairMs = warm.result.barePairMs;
    rows.push(['bare Puppeteer, one guide\'s 2 editions on 2 warm pages (tagged; in turn with the warm rebuilds below, median of 10)', ms(pairMs), '1.00×']);
    rows.push([`warm rebuild after an edit, 1 guide, both editions (\`buildGuides\` with a warm \`Printer\`; ${warm.result.printsPerRebuild} prints)`, `**${ms(warm.result.rebuildMs)}**`, `${(warm.result.rebuildMs / pairMs).toFixed(2)}×`]);
    rows.push(['`studyguide dev`: save → both new PDFs on disk (watcher included; median of 10 saves)', `**${ms(dev.ms)}** (${dev.all.map((v) => Math.round(v)).join(', ')} ms)`, `${(dev.ms / pairMs).toFixed(2)}×`]);
    rows.push(['… `buildGuides` with `htmlOnly` (load, render both editions, write HTML)', ms(warm.result.htmlOnlyMs), '']);
    rows.push(['… of which `loadGuide` (read, parse, references, citations)', ms(warm.result.loadMs), '']);
    rows.push(['… `Printer.print` of the same 2 HTML documents (no load, no PDF metadata step)', ms(warm.result.printPairMs), `${(warm.result.printPairMs / pairMs).toFixed(2)}×`]);
    rows.push(['md-to-pdf, same Markdown (whole command)', peer.text, '']);
    rows.push([`\`build\`, the guide as plain Markdown (no citations), both editions, first build (whole command; ${plainPrints})`, `**${ms(plainBoth.ms)}** · ${ms(plainBoth.cpuMs)} CPU · peak ${mb(plainBoth.peak)}`, '']);
    rows.push([`\`build --edition student\`, the guide as plain Markdown, first build (whole command; one PDF, ${plainOnePrints})`, `**${ms(plainOne.ms)}** · ${ms(plainOne.cpuMs)} CPU · peak ${mb(plainOne.peak)}`, '']);
    rows.push(['md-to-pdf, the same plain Markdown (whole command)', peerPlain.text, '']);

    console.log('');
    printMachine(machine, console.log);
    console.log('');
    console.log('| figure | value | vs bare Puppeteer |');
    console.log('|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log('');
    const lines = [
      `Medians: one guide ${reps} runs (first builds after a warm-up, each into an empty folder); 10 guides 3 runs; ${quick ? '' : '100 guides 1 run (200 documents); '}--html-only 1 run;`,
      `bare loop ${baseline.result.plain.runs.length} run(s) (${baseline.result.plain.runs.map((v) => sec(v)).join(', ')}); warm figures 10 runs. Ratios: a batch's documents/s`,
      `over the bare loop's (the mean of its runs before and after the batches; the ${biggest}-guide batches also against the runs just before and after each);`,
      'a warm time over the bare loop\'s time for the same two documents on two warm pages.',
      'Peak memory: the largest sum of RSS over the process and all its descendants, sampled every 50 ms (an upper',
      'bound: pages shared between Chrome\'s processes are counted in each). CPU: user + system time of the same tree.',
      `Every run: one-guide first build ${cold.all.join(', ')} ms; the same as the first run ever ${firstRun.all.join(', ')} ms; rebuild ${rebuild.all.join(', ')} ms; nothing changed ${kept.all.join(', ')} ms; first build with cached citations ${cached.all.join(', ')} ms; student edition ${single.all.join(', ')} ms; plain Markdown ${plainBoth.all.join(', ')} ms, student edition ${plainOne.all.join(', ')} ms; check ${check.all.join(', ')} ms; ${batches.map((b) => `${b.n} guides ${b.kind} ${b.all.map((v) => sec(v)).join(', ')}`).join('; ')}; warm rebuild ${warm.result.rebuildRuns.join(', ')} ms.`,
    ];
    for (const l of lines) console.log(l);
    for (const n of notes) console.log(`\nnote: ${n}`);
    const loadAtEnd = os.loadavg()[0];
    console.log(`\n1-minute load average: ${loadAtStart.toFixed(2)} at the start, ${loadAtEnd.toFixed(2)} at the end (${machine.cores} cores).`);
    if (Math.max(loadAtStart, loadAtEnd) > machine.cores * 0.5) console.log('note: the machine was busy with other work; the figures are slower and noisier than on an idle machine.');
    console.log(`\nbench finished in ${sec(performance.now() - started)}${keep ? `; files kept in ${tmp}` : ''}`);
  } finally {
    if (!keep) await rm(tmp, { recursive: true, force: true });
  }
}

function step(text) {
  process.stderr.write(`bench: ${text}…\n`);
}

const ms = (v) => `${Math.round(v)} ms`;
const sec = (v) => `${(v / 1000).toFixed(2)} s`;
const mb = (bytes) => (bytes ? `${Math.round(bytes / 1024 / 1024)} MB` : '?');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------

async function describeMachine() {
  const { findBrowser } = await import(libIndex);
  let browser = 'none found';
  try {
    const found = await findBrowser();
    let version = '';
    try {
      version = execFileSync(found.executablePath, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      version = 'version unknown';
    }
    browser = `${found.executablePath} (${found.kind}, ${version})`;
  } catch (e) {
    browser = `none found: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'templates'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (dirty) commit += ' with uncommitted changes in src/ or templates/';
  } catch {
    commit = 'not a git checkout';
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cores: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    browser,
    commit,
  };
}

function printMachine(m, log = (s) => process.stderr.write(`${s}\n`)) {
  log(`machine: ${m.cores} cores (${m.cpu}), ${m.memory} memory, ${m.os}`);
  log(`node ${m.node}; browser ${m.browser}`);
  log(`studyguide ${m.commit}; ${m.date}`);
}

// ---------------------------------------------------------------------------------------------
// Running the command and measuring the process tree
// ---------------------------------------------------------------------------------------------

/**
 * Runs `node bin/studyguide.js ...args` `reps` times (after `warmup` untimed runs): medians and
 * peak memory. `args` may be a function of the run's number (to give each run a fresh folder).
 */
/** How many prints a command made, from its --verbose lines ("printed once", "printed twice", "printed 3 times"). */
async function countPrints(args, cwd, env = { STUDYGUIDE_CACHE_DIR: '' }) {
  const r = await runTracked(process.execPath, [bin, ...args, '--verbose'], cwd, env);
  if (r.code !== 0) throw new Error(`studyguide ${args.join(' ')} exited with ${r.code}:\n${r.stderr}`);
  let n = 0;
  for (const m of r.stderr.matchAll(/printed (once|twice|(\d+) times)/g)) n += m[1] === 'once' ? 1 : m[1] === 'twice' ? 2 : Number(m[2]);
  return `${n} print${n === 1 ? '' : 's'}`;
}

/** The code cache every timed command shares (src/start.ts): as after any earlier run of this build of studyguide. */
let codeCache;
let runNumber = 0;

async function timeCommand(args, { reps, cwd, warmup = 0, cache, withCodeCache = true }) {
  const runs = [];
  for (let i = 0; i < warmup + reps; i++) {
    const cmdArgs = typeof args === 'function' ? args(i) : args;
    // The cache folder (src/references/disk-cache.ts): a folder of the bench's own, without
    // citations for a first build (a new one per run), shared where a figure says the
    // citations are cached. Its code/ is the bench's one code cache, unless a figure is of a
    // first run ever.
    const dir = typeof cache === 'function' ? cache(i) : (cache ?? path.join(cwd, 'cache', `run-${runNumber++}`));
    await mkdir(dir, { recursive: true });
    if (withCodeCache && !existsSync(path.join(dir, 'code'))) await symlink(codeCache, path.join(dir, 'code'));
    const env = { STUDYGUIDE_CACHE_DIR: dir };
    const r = await runTracked(process.execPath, [bin, ...cmdArgs], cwd, env);
    if (r.code !== 0) throw new Error(`studyguide ${cmdArgs.join(' ')} exited with ${r.code}:\n${r.stderr}`);
    if (i >= warmup) runs.push(r);
  }
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), peak: Math.max(...runs.map((r) => r.peak)), stderr: runs[0].stderr, all: runs.map((r) => Math.round(r.ms)) };
}

const procfs = process.platform === 'linux' && existsSync('/proc/self/stat');
const pageSize = procfs ? Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096 : 4096;
const clockTick = procfs ? Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100 : 100;

/**
 * Spawns a process and samples its whole tree every 50 ms until it exits: the peak of the summed
 * RSS, and the CPU time of every process seen (its last sample; a process that lives less than
 * 50 ms, and the last 50 ms of each, are missed, so CPU time is slightly under-counted). Chrome's
 * renderers are not reaped up to us, so getrusage() would miss them; /proc does not.
 */
function runTracked(command, commandArgs, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const cpu = new Map();
    const sample = () => {
      const t = sampleTree(child.pid);
      peak = Math.max(peak, t.rss);
      for (const [key, ticks] of t.cpu) cpu.set(key, ticks);
    };
    const timer = setInterval(sample, 50);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      const elapsed = performance.now() - started;
      clearInterval(timer);
      let ticks = 0;
      for (const v of cpu.values()) ticks += v;
      child.on('close', () => resolve({ code: code ?? signal, ms: elapsed, cpuMs: (ticks / clockTick) * 1000, peak, stdout, stderr }));
    });
  });
}

/** RSS (bytes) of a process and all its descendants, and each one's CPU ticks, from /proc/<pid>/stat. */
function sampleTree(pid) {
  let rss = 0;
  const cpu = new Map();
  const seen = new Set();
  const visit = (p) => {
    if (seen.has(p)) return;
    seen.add(p);
    let fields;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces: state is [0].
      fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    } catch {
      return; // gone already
    }
    rss += Number(fields[21]) * pageSize;
    cpu.set(`${p}:${fields[19]}`, Number(fields[11]) + Number(fields[12]));
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const t of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const c of children.split(' ')) if (c.trim()) visit(Number(c));
    }
  };
  if (procfs && pid) visit(pid);
  return { rss, cpu };
}

/** Runs this script as a worker process (`--worker kind json`) and returns its result and peak memory. */
async function runWorker(kind, input) {
  // Its builds format citations as a first build does (no citation cache from disk).
  const r = await runTracked(process.execPath, [fileURLToPath(import.meta.url), '--worker', kind, JSON.stringify(input)], root, { STUDYGUIDE_CACHE_DIR: '' });
  if (r.code !== 0) throw new Error(`bench worker ${kind} exited with ${r.code}:\n${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return { result: JSON.parse(lines[lines.length - 1]), peak: r.peak, cpuMs: r.cpuMs };
}

async function pageCounts(dir) {
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const counts = [];
    for (const edition of ['student', 'teacher']) {
      const data = new Uint8Array(await readFile(path.join(dir, `guide-001.${edition}.pdf`)));
      const doc = await pdfjs.getDocument({ data, verbosity: 0 }).promise;
      counts.push(`${edition} ${doc.numPages} pp.`);
      await doc.destroy();
    }
    return counts.join(', ');
  } catch {
    return 'page count unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// Watch mode as a user sees it: `studyguide dev`, a save, the PDFs on disk
// ---------------------------------------------------------------------------------------------

/**
 * Starts `studyguide dev` on a copy of the guide, then saves the guide `reps` times (a word of
 * the first paragraph changed each time) and takes the time from each save until both PDFs on
 * disk are newer than the save (polling every 5 ms). The watcher's own wait for the file to settle
 * is included, as a user would see it.
 */
async function timeDev(dir, guideDir, reps) {
  const copy = path.join(dir, 'g');
  await mkdir(copy, { recursive: true });
  for (const f of await readdir(guideDir)) await writeFile(path.join(copy, f), await readFile(path.join(guideDir, f)));
  const outDir = path.join(dir, 'out');
  const child = spawn(process.execPath, [bin, 'dev', 'g', '--out', outDir, '--port', '0'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, STUDYGUIDE_CACHE_DIR: path.join(dir, 'cache') } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const until = async (test, what, limitMs = 60_000) => {
    const started = performance.now();
    while (!(await test())) {
      if (performance.now() - started > limitMs) throw new Error(`bench: dev: timed out waiting for ${what}:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const pdfs = ['student', 'teacher'].map((e) => path.join(outDir, `g.${e}.pdf`));
  const mtime = async (f) => (await stat(f).catch(() => undefined))?.mtimeMs ?? 0;
  try {
    await until(() => /preview:/.test(stderr), 'the preview');
    const file = path.join(copy, 'guide.md');
    const original = await readFile(file, 'utf8');
    const times = [];
    for (let i = 0; i < reps + 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const saved = Date.now();
      const started = performance.now();
      await writeFile(file, original.replace('This guide', `This guide (edit ${i})`));
      await until(async () => (await Promise.all(pdfs.map(mtime))).every((t) => t >= saved), `the PDFs after save ${i}`);
      if (i > 0) times.push(performance.now() - started);
    }
    return { ms: median(times), all: times };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

// ---------------------------------------------------------------------------------------------
// The peer: md-to-pdf, only if it is already installed
// ---------------------------------------------------------------------------------------------

async function peerMdToPdf(markdown, dir, reps) {
  // --offline: the probe must not reach the registry (npx would otherwise look the package up).
  const probe = await runTracked('npx', ['--offline', '--no-install', 'md-to-pdf', '--version'], root).catch(() => ({ code: 1 }));
  if (probe.code !== 0) return { text: 'not installed (skipped; `npm i -g md-to-pdf` to compare)' };
  // Time md-to-pdf's own executable, not npx's start-up: find where npx would run it from.
  const where = await runTracked('npx', ['--offline', '--no-install', '-c', 'command -v md-to-pdf'], root).catch(() => ({ code: 1 }));
  const executable = where.code === 0 && where.stdout.trim() ? where.stdout.trim().split('\n')[0] : undefined;
  // md-to-pdf prints with the same browser and flags as studyguide (its own Puppeteer would
  // look for a Chrome of its own, which cannot be downloaded here).
  const { findBrowser } = await import(libIndex);
  const found = await findBrowser();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const launch = { executablePath: found.executablePath, headless: found.kind === 'headless-shell' ? 'shell' : true, args: [...launchFlags, ...(isRoot || process.env.STUDYGUIDE_NO_SANDBOX === '1' ? ['--no-sandbox'] : [])] };
  const launchArgs = ['--launch-options', JSON.stringify(launch)];
  const command = executable ? [executable, launchArgs] : ['npx', ['--offline', '--no-install', 'md-to-pdf', ...launchArgs]];
  await mkdir(dir, { recursive: true });
  const copy = path.join(dir, 'guide.md');
  await writeFile(copy, await readFile(markdown));
  const runs = [];
  for (let i = 0; i < reps + 1; i++) {
    const r = await runTracked(command[0], [...command[1], copy], dir);
    if (r.code !== 0) return { text: `failed: ${r.stderr.trim().split('\n')[0]}` };
    if (i > 0) runs.push(r);
  }
  return { text: `**${ms(median(runs.map((r) => r.ms)))}** · ${ms(median(runs.map((r) => r.cpuMs)))} CPU · peak ${mb(Math.max(...runs.map((r) => r.peak)))} (one PDF, one print; md-to-pdf ${probe.stdout.trim()}${executable ? '' : ', through npx'}, same browser)` };
}

// ---------------------------------------------------------------------------------------------
// Worker: bare Puppeteer loop on studyguide's own HTML
// ---------------------------------------------------------------------------------------------

async function baselineWorker({ files, outDir, reps, plainOnly = false }) {
  const docs = await Promise.all(files.map(async (f) => ({ name: path.basename(f, '.html'), html: await readFile(f, 'utf8') })));
  await mkdir(outDir, { recursive: true });
  let fontRequests = 0;
  let fontMisses = 0;

  /** One browser: print every document with 2 pages in flight; returns wall time including the launch. */
  const treeTicks = () => [...sampleTree(process.pid).cpu.values()].reduce((a, b) => a + b, 0);
  const run = async (pdfOptions, extraFlags = []) => {
    const started = performance.now();
    const ticksAtStart = treeTicks();
    // A document on a real origin, so that the theme's root-relative font URLs resolve;
    // setContent then replaces the document and keeps the URL.
    const { browser, pages, fonts } = await barePages(extraFlags);
    let next = 0;
    await Promise.all(pages.map(async (page) => {
      while (next < docs.length) {
        const doc = docs[next++];
        await page.setContent(doc.html, { waitUntil: 'load' });
        const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, ...pdfOptions });
        await writeFile(path.join(outDir, `${doc.name}.pdf`), pdf);
      }
    }));
    const elapsed = performance.now() - started;
    // CPU of this process and the browser's processes, read before the browser goes away.
    const cpuMs = ((treeTicks() - ticksAtStart) / clockTick) * 1000;
    fontRequests += fonts.served;
    fontMisses += fonts.missed;
    await browser.close();
    return { ms: elapsed, cpuMs };
  };

  const plainRuns = [];
  for (let i = 0; i < reps; i++) plainRuns.push(await run({}));
  const plainMs = median(plainRuns.map((r) => r.ms));
  const plain = { ms: plainMs, cpuMs: median(plainRuns.map((r) => r.cpuMs)), docs: docs.length, docsPerS: docs.length / (plainMs / 1000), runs: plainRuns.map((r) => Math.round(r.ms)) };
  if (plainOnly) return { plain, fontRequests, fontMisses };
  const tagged = await run({ tagged: true, outline: true, format: 'a4' });
  // As studyguide launches the headless shell: no frames drawn (src/browser/printer.ts).
  const { findBrowser } = await import(libIndex);
  const noFrames = (await findBrowser()).kind === 'headless-shell' ? await run({ tagged: true, outline: true, format: 'a4' }, ['--enable-begin-frame-control']) : undefined;
  return {
    plain,
    tagged: { ms: tagged.ms, cpuMs: tagged.cpuMs, docsPerS: docs.length / (tagged.ms / 1000) },
    ...(noFrames ? { noFrames: { ms: noFrames.ms, cpuMs: noFrames.cpuMs, docsPerS: docs.length / (noFrames.ms / 1000) } } : {}),
    fontRequests,
    fontMisses,
  };
}

/** A browser launched as the bare loop launches it, with two pages ready for `setContent` (fonts answered as studyguide answers them). */
async function barePages(extraFlags = []) {
  const { findBrowser } = await import(libIndex);
  const puppeteer = await import('puppeteer-core');
  const found = await findBrowser();
  const fonts = fontServer();
  const origin = 'https://bench.studyguide.invalid';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const flags = [...launchFlags, ...extraFlags, ...(isRoot || process.env.STUDYGUIDE_NO_SANDBOX === '1' ? ['--no-sandbox'] : [])];
  const browser = await puppeteer.launch({ executablePath: found.executablePath, headless: found.kind === 'headless-shell' ? 'shell' : true, args: flags });
  const pages = await Promise.all([0, 1].map(async () => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => void fonts.answer(request, origin));
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    return page;
  }));
  return { browser, pages, fonts };
}

/** The bare loop's figures as the mean of its runs (each a worker's result). */
function meanOfBaselines(runs) {
  const mean = (f) => runs.reduce((sum, r) => sum + f(r.result), 0) / runs.length;
  const first = runs[0].result;
  return {
    peak: Math.max(...runs.map((r) => r.peak ?? 0)),
    result: {
      plain: { ms: mean((r) => r.plain.ms), cpuMs: mean((r) => r.plain.cpuMs), docs: first.plain.docs, docsPerS: mean((r) => r.plain.docsPerS), runs: runs.flatMap((r) => r.result.plain.runs), each: runs.map((r) => r.result.plain.docsPerS) },
      tagged: { ms: mean((r) => r.tagged.ms), cpuMs: mean((r) => r.tagged.cpuMs), docsPerS: mean((r) => r.tagged.docsPerS) },
      ...(runs.every((r) => r.result.noFrames) ? { noFrames: { ms: mean((r) => r.noFrames.ms), cpuMs: mean((r) => r.noFrames.cpuMs), docsPerS: mean((r) => r.noFrames.docsPerS) } } : {}),
      fontRequests: Math.min(...runs.map((r) => r.result.fontRequests)),
      fontMisses: Math.max(...runs.map((r) => r.result.fontMisses)),
    },
  };
}

/** Answers the theme's font requests from the same font packages studyguide serves them from. */
function fontServer() {
  const require = createRequire(import.meta.url);
  const folders = ['@fontsource/source-serif-4', '@fontsource/source-sans-3'].map((pkg) => ({ prefix: `${pkg.split('/')[1]}-`, dir: path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files') }));
  const cache = new Map();
  const state = {
    served: 0,
    missed: 0,
    async answer(request, origin) {
      const url = request.url();
      try {
        if (url === `${origin}/`) return await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>bench</title>' });
        if (url.startsWith('data:')) return await request.continue();
        if (url.startsWith(`${origin}${fontsPrefix}`)) {
          const name = url.slice(origin.length + fontsPrefix.length).split('?')[0];
          const folder = /^[a-z0-9-]+\.woff2$/.test(name) ? folders.find((f) => name.startsWith(f.prefix)) : undefined;
          if (folder) {
            let body = cache.get(name);
            if (!body) {
              body = await readFile(path.join(folder.dir, name)).catch(() => undefined);
              if (body) cache.set(name, body);
            }
            if (body) {
              state.served += 1;
              return await request.respond({ status: 200, contentType: 'font/woff2', body });
            }
          }
          state.missed += 1;
        }
        await request.abort('blockedbyclient');
      } catch {
        // the page moved on
      }
    },
  };
  return state;
}

// ---------------------------------------------------------------------------------------------
// Worker: warm rebuild through the library API
// ---------------------------------------------------------------------------------------------

async function warmWorker({ guide, outDir, reps, pair }) {
  const { Printer, buildGuides, loadGuide } = await import(libIndex);
  const printer = new Printer();
  const file = path.join(guide, 'guide.md');
  try {
    const first = await buildGuides({ paths: [guide], outDir, printer });
    if (!first.ok) throw new Error('the generated guide has errors');
    // Each rebuild follows an edit (a word of the first paragraph), as in watch mode: an
    // unchanged edition would not be printed at all (src/build-guide.ts).
    const original = await readFile(file, 'utf8');
    let edits = 0;
    const edit = () => writeFile(file, original.replace('This guide', `This guide (edit ${++edits})`));
    await edit();
    await buildGuides({ paths: [guide], outDir, printer });
    // Count the documents the rebuild asks the printer for (a guide with page numbers in its
    // contents or appendix is printed more than once per edition).
    const print = printer.print.bind(printer);
    let prints = 0;
    printer.print = (job) => {
      prints += 1;
      return print(job);
    };
    // The floor, measured in turn with the rebuilds (same process, same moment): the guide's two
    // HTML documents printed by bare Puppeteer on two warm pages of a browser of its own.
    const pairHtml = await Promise.all(pair.map((f) => readFile(f, 'utf8')));
    const bare = await barePages();
    const barePair = async () => {
      const t = performance.now();
      await Promise.all(pairHtml.map(async (html, k) => {
        const page = bare.pages[k % bare.pages.length];
        await page.setContent(html, { waitUntil: 'load' });
        await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, format: 'a4' });
      }));
      return performance.now() - t;
    };
    const rebuild = [];
    const barePairs = [];
    const warmups = 3;
    try {
      // Untimed rounds first, so that both sides are as warm as they will be.
      for (let i = 0; i < warmups + reps; i++) {
        await edit();
        const t = performance.now();
        await buildGuides({ paths: [guide], outDir, printer });
        const rebuildMs = performance.now() - t;
        const bareMs = await barePair();
        if (i >= warmups) {
          rebuild.push(rebuildMs);
          barePairs.push(bareMs);
        }
      }
    } finally {
      await bare.browser.close();
    }
    await writeFile(file, original);
    const printsPerRebuild = prints / (warmups + reps);
    printer.print = print;
    const load = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      await loadGuide(file);
      load.push(performance.now() - t);
    }
    const htmlOnly = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      await buildGuides({ paths: [guide], outDir: path.join(outDir, 'html'), htmlOnly: true });
      htmlOnly.push(performance.now() - t);
    }
    const printPair = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      await Promise.all(pairHtml.map((html) => printer.print({ html, baseDir: guide, paper: 'a4' })));
      printPair.push(performance.now() - t);
    }
    return { rebuildMs: median(rebuild), barePairMs: median(barePairs), loadMs: median(load), htmlOnlyMs: median(htmlOnly), printPairMs: median(printPair), printsPerRebuild, rebuildRuns: rebuild.map(Math.round) };
  } finally {
    await printer.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Generated guides: a realistic ~4-page handout each, the text varied by a seeded generator
// ---------------------------------------------------------------------------------------------

async function writeGuides(dir, n) {
  for (let i = 1; i <= n; i++) {
    const folder = path.join(dir, `guide-${String(i).padStart(3, '0')}`);
    await mkdir(folder, { recursive: true });
    const { markdown, references } = makeGuide(i);
    await writeFile(path.join(folder, 'guide.md'), markdown);
    await writeFile(path.join(folder, 'references.yaml'), references);
  }
  return dir;
}

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const places = ['Valmora', 'Kestria', 'Lindmark', 'Carrowmore', 'Belgard', 'Marovia', 'Ostrelia', 'Tarnholm', 'Verasca', 'Duneland', 'Halvoria', 'Sorrento Bay'];
const bodies = ['parliament', 'council of ministers', 'trade federation', 'provincial assembly', 'supreme court', 'union of dock workers', 'national bank', 'farmers\' league'];
const things = ['customs union', 'land reform', 'railway concession', 'press law', 'currency reform', 'border treaty', 'grain levy', 'voting reform', 'canal project', 'naval agreement'];
const people = [['Anselm', 'Vreeland'], ['Clara', 'Dunmore'], ['Teodor', 'Brask'], ['Ilse', 'Marchetti'], ['Rafael', 'Okonjo'], ['Marta', 'Leclerc'], ['Jonas', 'Haverkamp'], ['Sofia', 'Lindqvist'], ['Pavel', 'Rusek'], ['Helena', 'Castellan'], ['Emil', 'Strand'], ['Nadia', 'Ferreira'], ['Oskar', 'Wendt'], ['Irene', 'Molnar'], ['Viktor', 'Sandoval'], ['Agnes', 'Whitlow']];
const verbs = ['proposed', 'debated', 'rejected', 'ratified', 'postponed', 'amended', 'announced', 'challenged'];
const effects = ['divided the governing coalition', 'raised food prices in the capital', 'angered the northern provinces', 'won support among small traders', 'was praised by foreign observers', 'led to strikes in the ports', 'weakened the old landowning families', 'was later reversed by the courts'];
const glossaryTerms = ['Coalition', 'Concession', 'Customs union', 'Levy', 'Ratification', 'Referendum', 'Tariff', 'Franchise', 'Sovereignty', 'Memorandum', 'Protectorate', 'Arbitration', 'Embargo', 'Charter', 'Plebiscite', 'Annexation'];

function makeGuide(index) {
  const r = rng(index * 7919 + 17);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const shuffled = (xs) => [...xs].map((x) => [r(), x]).sort((a, b) => a[0] - b[0]).map((p) => p[1]);
  const place = places[(index - 1) % places.length];
  const rival = pick(places.filter((p) => p !== place));
  const thing = pick(things);
  const year = 1850 + Math.floor(r() * 120);
  const isbn = () => {
    const digits = [9, 7, 8, ...Array.from({ length: 9 }, () => Math.floor(r() * 10))];
    const sum = digits.reduce((s, d, i) => s + d * (i % 2 ? 3 : 1), 0);
    return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
  };

  // Eight references of the kinds a teacher uses, each with the teacher's assessment.
  const authors = shuffled(people).slice(0, 8);
  const kinds = ['primary', 'primary', 'peer-reviewed', 'peer-reviewed', 'scholarly-book', 'scholarly-book', 'news', 'opinion'];
  const refs = kinds.map((kind, k) => {
    const [given, family] = authors[k];
    const y = kind === 'primary' ? year + k : 1960 + Math.floor(r() * 60);
    return { id: `${family.toLowerCase()}${y}`, kind, given, family, year: y, k };
  });
  const yaml = [`# References for generated guide ${index} (CSL-YAML with reliability blocks).`, ''];
  for (const ref of refs) {
    const lines = [`- id: ${ref.id}`];
    const title = `${pick(['The', 'Power and', 'Reform and', 'Crisis and'])} ${pick(['politics of the', 'making of the', 'failure of the', 'road to the'])} ${place} ${thing}${ref.k % 2 ? `, ${year}–${year + 5}` : ''}`;
    if (ref.kind === 'primary') {
      lines.push('  type: document', `  title: "${ref.k ? 'Minutes of the' : 'Letter to the'} ${place} ${pick(bodies)}, ${ref.year}"`, `  author: [{ family: ${ref.family}, given: ${ref.given} }]`, `  publisher: "National Archives of ${place}"`, `  issued: { date-parts: [[${ref.year}, ${1 + ref.k}, ${10 + ref.k}]] }`, `  URL: https://archives.example.org/${place.toLowerCase().replace(/\s+/g, '-')}/${ref.year}/doc-${index}-${ref.k}`);
    } else if (ref.kind === 'peer-reviewed') {
      lines.push('  type: article-journal', `  title: "${title}"`, `  author: [{ family: ${ref.family}, given: ${ref.given} }]`, `  container-title: "Journal of ${pick(['European', 'Modern', 'Comparative', 'Social'])} History"`, `  volume: ${10 + Math.floor(r() * 40)}`, `  issue: ${1 + Math.floor(r() * 4)}`, `  page: ${100 + ref.k * 20}-${130 + ref.k * 20}`, `  issued: { date-parts: [[${ref.year}, ${3 + ref.k}]] }`, `  DOI: 10.5555/bench.${index}.${ref.k}`);
    } else if (ref.kind === 'scholarly-book') {
      lines.push('  type: book', `  title: "${title}"`, `  author: [{ family: ${ref.family}, given: ${ref.given} }]`, `  publisher: "${pick(['Northbridge', 'Eastmoor', 'Westfield'])} University Press"`, `  publisher-place: ${pick(['London', 'Boston', 'Leiden'])}`, `  issued: { date-parts: [[${ref.year}]] }`, `  ISBN: "${isbn()}"`);
    } else if (ref.kind === 'news') {
      lines.push('  type: article-newspaper', `  title: "${place} ${pick(bodies)} ${pick(verbs)} ${thing}"`, `  author: [{ family: ${ref.family}, given: ${ref.given} }]`, '  container-title: "The Daily Ledger"', `  issued: { date-parts: [[${ref.year}, 6, ${1 + index % 28}]] }`, `  URL: https://news.example.com/${ref.year}/${thing.replace(/\s+/g, '-')}-${index}`);
    } else {
      lines.push('  type: post-weblog', `  title: "Why the ${thing} still matters"`, `  author: [{ family: ${ref.family}, given: ${ref.given} }]`, '  container-title: "History Matters blog"', `  issued: { date-parts: [[${ref.year}, 11, 2]] }`, `  URL: https://blog.example.net/posts/${index}-${ref.k}`);
    }
    const rating = { primary: 3, 'peer-reviewed': 3, 'scholarly-book': 3, news: 2, opinion: 1 }[ref.kind];
    const reasons = {
      primary: `Written at the time by people involved; shows what the ${pick(bodies)} knew, not why it acted.`,
      'peer-reviewed': 'Peer-reviewed and built on archival records; argues one interpretation among several.',
      'scholarly-book': 'A scholarly study with full references, published by a university press.',
      news: 'A named reporter in an established paper; written quickly, before the records were open.',
      opinion: 'A personal view without references; useful for how the debate is framed today.',
    }[ref.kind];
    lines.push('  reliability:', `    type: ${ref.kind}`, `    rating: ${rating}`, '    reasons: >-', `      ${reasons}`);
    if (ref.kind !== 'primary') lines.push(`    corroborated-by: [${refs[ref.k % 2].id}]`);
    lines.push('    examined: false', '');
    yaml.push(...lines);
  }

  const cite = (k) => refs[k].id;
  const sentence = (k) => {
    const y = year + Math.floor(r() * 12);
    const [given, family] = pick(people);
    return pick([
      `In ${y} the ${pick(bodies)} of ${place} ${pick(verbs)} the ${thing}, which ${pick(effects)} [@${cite(k)}].`,
      `The ${pick(bodies)} had ${pick(verbs)} a ${pick(things)} in ${y - 3}, and many deputies feared a repeat [@${cite(k)}, p. ${10 + Math.floor(r() * 200)}].`,
      `${given} ${family}, then a young official, wrote that the ${thing} ${pick(effects)}.`,
      `Relations with ${rival} shaped every decision: a ${pick(things)} there ${pick(effects)} [see @${cite(k)}; @${cite((k + 1) % 8)}].`,
      `@${cite(k)} argues that the ${thing} ${pick(effects)}, but the evidence for this is thin.`,
      `Historians still disagree about whether the ${thing} was a real reform or a way to keep the ${pick(bodies)} in power.`,
      `Newspapers of the time reported that the measure ${pick(effects)}, while the government insisted it had ${pick(effects).replace(/^was /, 'been ')}.`,
      `By ${y + 2} the ${pick(bodies)} had ${pick(verbs)} a second ${pick(things)}, and the ${thing} was ${pick(['quietly dropped', 'extended to the colonies', 'made permanent', 'taken to court'])} [@${cite(k)}].`,
    ]);
  };
  const paragraph = (k, count) => Array.from({ length: count }, (_, j) => sentence((k + j) % 8)).join(' ');

  const md = [];
  md.push('---', `title: "The ${place} ${thing[0].toUpperCase()}${thing.slice(1)} of ${year}"`, `subtitle: "Causes, course and consequences (guide ${index})"`, `author: "${pick(['Ms', 'Mr', 'Dr'])} ${pick(people)[1]}"`, `date: ${2024 + (index % 2)}-${String(1 + (index % 12)).padStart(2, '0')}`, 'lang: en', 'paper: a4', 'references: references.yaml', '---', '');
  md.push(`This guide follows the ${thing} of ${place} from the first proposals of ${year} to its consequences a generation later. ${paragraph(0, 2)}`, '');
  md.push(`Read each section before the lesson and note one question you would ask ${refs[0].given} ${refs[0].family}, the author of our main primary source [@${cite(0)}].`, '');
  const headings = [`## Why ${place} needed a ${thing}`, `## The crisis of ${year + 4}`, '## Consequences and debate'];
  headings.forEach((h, s) => {
    md.push(h, '', paragraph(s * 3, 3), '', paragraph(s * 3 + 2, 2), '');
    if (s === 1) md.push(':::teacher', `**Source work (15 minutes).** Pairs compare the minutes [@${cite(1)}] with the newspaper report [@${cite(6)}] and list two things one mentions and the other leaves out. Ask who wrote each, and for whom.`, ':::', '');
    if (s === 2) md.push(`**A modern view.** @${cite(7)} calls the ${thing} "a turning point"; compare this with @${cite(4)} and @${cite(5)}, who weigh the evidence more carefully [@${cite(3)}; @${cite(2)}].`, '');
  });

  md.push('## Timeline', '');
  const events = Array.from({ length: 15 }, (_, e) => {
    const y = year - 3 + e;
    const date = e === 4 ? `${y}-03-01/${y}-04-15` : e % 3 === 0 ? `${y}` : e % 3 === 1 ? `${y}-${String(1 + (e % 12)).padStart(2, '0')}` : `${y}-${String(1 + (e % 12)).padStart(2, '0')}-${String(1 + ((e * 7) % 28)).padStart(2, '0')}`;
    const text = `The ${pick(bodies)} ${pick(verbs)} the ${pick(things)}${e % 4 === 0 ? ` [@${cite(e % 8)}]` : ''}.`;
    return `- **${date}** — ${text}`;
  });
  md.push(...shuffled(events), '');

  md.push('## Glossary', '');
  for (const term of shuffled(glossaryTerms).slice(0, 12)) {
    md.push(term, `: ${pick(['A formal', 'An official', 'A political', 'A legal'])} ${pick(['agreement', 'measure', 'arrangement', 'procedure'])} by which a state or ${pick(bodies)} ${pick(['settles', 'decides', 'limits', 'confirms'])} a ${pick(['dispute', 'question', 'right', 'border'])}; in ${place} it mattered after ${year}.`, '');
  }

  md.push('## Discussion questions', '');
  const questions = [
    `Why did the ${pick(bodies)} of ${place} support the ${thing} in ${year}?`,
    `What does the minutes' wording tell us about who was in the room?`,
    `How did events in ${rival} change the debate?`,
    `Compare the newspaper report with the primary source: what is missing from each?`,
    `Was the ${thing} a success? Give two criteria and judge it by both.`,
    `Why might a modern blog post call the ${thing} "a turning point"?`,
    'Which source in the bibliography would you trust most, and why?',
    `What would you need to find in the archives to settle the debate about ${year + 4}?`,
  ];
  questions.forEach((q, k) => {
    md.push(`${k + 1}. ${q}`, '', '   :::answer{lines=3}', `   ${paragraph(k, 2)}`, '   :::', '');
  });

  return { markdown: `${md.join('\n')}\n`, references: `${yaml.join('\n')}\n` };
}

// ---------------------------------------------------------------------------------------------
// Entry point (last, so that every constant above is initialised)
// ---------------------------------------------------------------------------------------------

if (args[0] === '--worker') {
  const input = JSON.parse(args[2]);
  const result = args[1] === 'baseline' ? await baselineWorker(input) : await warmWorker(input);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
await main();
