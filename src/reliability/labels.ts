/**
 * The table of publisher and outlet labels (state-affiliated media, deprecated sources, major
 * news organisations, university presses, government publishers, archives), shipped in
 * `data/source-labels.yaml` with the provenance of each label, and overridable per guide by a
 * `source-labels.yaml` next to it.
 */
import { readFile } from 'node:fs/promises';
import { parseYaml } from '../yaml.js';
import { z } from 'zod';
import { Reporter, StudyguideError } from '../diagnostics.js';
import { sha256 } from '../hash.js';
import type { CslItem } from '../references/types.js';
import { packagePath } from '../paths.js';

export const labelKinds = ['state-affiliated', 'deprecated', 'major-news', 'university-press', 'government', 'archive', 'reference', 'scholarly', 'none'] as const;
export type LabelKind = (typeof labelKinds)[number];

const entrySchema = z.strictObject({
  domains: z.array(z.string().min(1)).default([]),
  names: z.array(z.string()).default([]),
  name: z.string().min(1),
  label: z.enum(labelKinds, { message: `expected one of ${labelKinds.join(', ')}` }),
  country: z.string().optional(),
  note: z.string().optional(),
  source: z.string().optional(),
  checked: z.union([z.string(), z.number()]).transform(String).optional(),
});
export type SourceLabel = z.infer<typeof entrySchema>;

export const builtinLabelsFile = packagePath('data', 'source-labels.yaml');

let builtin: Promise<SourceLabel[]> | undefined;

/** Reads a labels file; problems are reported at their line. */
export async function readLabels(file: string, reporter: Reporter): Promise<SourceLabel[]> {
  const text = await readFile(file, 'utf8');
  const { doc, lineCounter } = parseYaml(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const p = e ? lineCounter.linePos(e.pos[0]) : undefined;
    reporter.error(`labels file is not valid YAML: ${e?.message.split('\n')[0] ?? ''}`, 'labels-syntax', p ? { line: p.line, column: p.col } : undefined);
    return [];
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    reporter.error(`labels file is not valid YAML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`, 'labels-syntax', { line: 1, column: 1 });
    return [];
  }
  if (!Array.isArray(data)) {
    reporter.error('a labels file is a list of entries (each starting with "- domains: [...]")', 'labels-shape', { line: 1, column: 1 });
    return [];
  }
  const out: SourceLabel[] = [];
  data.forEach((item: unknown, i) => {
    const result = entrySchema.safeParse(item);
    const node = (doc.contents as { items?: { range?: [number, number, number] }[] } | null)?.items?.[i];
    const p = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    if (result.success) out.push(result.data);
    else reporter.error(`labels entry ${i + 1}: ${result.error.issues.map((x) => `${x.path.join('.') || 'entry'}: ${x.message}`).join('; ')}`, 'labels-entry', p ? { line: p.line, column: p.col } : undefined);
  });
  return out;
}

/**
 * The shipped labels, as parsed at build time (lib/source-labels.json, made by
 * scripts/bundle.mjs): parsing the YAML costs about 100 ms at start-up, reading JSON 2 ms.
 * The JSON is used only when it was made from the YAML as it is now (same hash).
 */
export const builtinLabelsJson = packagePath('lib', 'source-labels.json');

async function prebuiltLabels(): Promise<SourceLabel[] | undefined> {
  try {
    const [yamlText, jsonText] = await Promise.all([readFile(builtinLabelsFile), readFile(builtinLabelsJson, 'utf8')]);
    const json = JSON.parse(jsonText) as { sha256?: unknown; labels?: unknown };
    if (json.sha256 !== sha256(yamlText)) return undefined;
    const parsed = z.array(entrySchema).safeParse(json.labels);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function builtinLabels(): Promise<SourceLabel[]> {
  builtin ??= (async () => {
    const prebuilt = await prebuiltLabels();
    if (prebuilt) return prebuilt;
    const reporter = new Reporter(builtinLabelsFile);
    const labels = await readLabels(builtinLabelsFile, reporter);
    const problem = reporter.diagnostics[0];
    if (problem) throw new StudyguideError(`the shipped labels file is broken: ${problem.message}`);
    return labels;
  })();
  return builtin;
}

/** The guide's own labels take precedence, domain by domain and name by name. */
export function mergeLabels(base: readonly SourceLabel[], overrides: readonly SourceLabel[]): SourceLabel[] {
  const overridden = new Set(overrides.flatMap((o) => [...o.domains.map((d) => `d:${d.toLowerCase()}`), ...o.names.map((n) => `n:${n.toLowerCase()}`)]));
  const kept = base.filter((b) => ![...b.domains.map((d) => `d:${d.toLowerCase()}`), ...b.names.map((n) => `n:${n.toLowerCase()}`)].some((k) => overridden.has(k)));
  return [...overrides, ...kept];
}

/** The label that applies to an entry, by its URL's domain, then by its publisher or container. */
export function labelFor(csl: CslItem, labels: readonly SourceLabel[]): SourceLabel | undefined {
  const host = hostOf(csl.URL);
  if (host) {
    for (const l of labels) {
      if (l.domains.some((d) => host === d.toLowerCase() || host.endsWith(`.${d.toLowerCase()}`))) return l.label === 'none' ? undefined : l;
    }
  }
  const names = [csl.publisher, csl['container-title'], ...(csl.author ?? []).map((a) => a.literal)].filter((n): n is string => typeof n === 'string').map((n) => n.toLowerCase());
  for (const l of labels) {
    if (l.names.some((n) => names.some((candidate) => candidate === n.toLowerCase() || candidate.startsWith(`${n.toLowerCase()} (`)))) return l.label === 'none' ? undefined : l;
  }
  return undefined;
}

function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}
