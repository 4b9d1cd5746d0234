/**
 * Front matter: plain YAML (no custom tags, no code), checked once by a schema.
 * Every problem names the field, what was found and what was expected, at its line.
 */
import { isMap, isScalar, type Document, type Node as YamlNode } from 'yaml';
import { parseYaml } from './yaml.js';
import { z } from 'zod';
import { themeSchema } from './theme.js';
import type { Position, Reporter } from './diagnostics.js';

const partialDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const dateField = z
  .union([z.string(), z.number().int()])
  // A date with a time of day (`2024-03-07T10:00:00Z`, a blog's `2024-03-07 10:00`): the handout prints the day.
  .transform((v) => String(v).replace(/^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '$1'))
  .refine((v) => isValidPartialDate(v), { message: 'expected a date written YYYY-MM-DD, YYYY-MM or YYYY' });

const langField = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { message: 'expected a language tag such as en, en-GB, de or uk' });

const sectionKinds = ['timeline', 'glossary', 'questions'] as const;
const sectionHeading = z.union([z.string().trim().min(1, { message: 'expected a heading' }), z.array(z.string().trim().min(1, { message: 'expected a heading' }))], { message: 'expected a heading or a list of headings' });
const sectionsField = z
  .record(z.string(), sectionHeading, { message: 'expected a map such as { timeline: "Chronik", glossary: "Begriffe" }' })
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!(sectionKinds as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown section "${key}": expected timeline, glossary or questions` });
    }
  })
  .transform((value) => value as Partial<Record<(typeof sectionKinds)[number], string | string[]>>);

export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1, { message: 'expected a non-empty title' }).optional(),
  subtitle: z.string().optional(),
  author: z.union([z.string(), z.array(z.string())]).optional(),
  date: dateField.optional(),
  lang: langField.optional(),
  paper: z.enum(['a4', 'letter'], { message: 'expected a4 or letter' }).optional(),
  /** A references file next to the guide, or a list of CSL entries written here. */
  references: z.union([z.string().min(1), z.array(z.record(z.string(), z.unknown()))], { message: 'expected a file name (such as references.bib) or a list of entries' }).optional(),
  /** Pandoc's name for the references file. */
  bibliography: z.string().min(1).optional(),
  /** APA (default), chicago, chicago-notes, mla, ieee, vancouver, harvard, or a .csl file. */
  'citation-style': z.string().min(1).optional(),
  /** Pandoc's name for the citation style file. */
  csl: z.string().min(1).optional(),
  /** Theme variables for this guide: accent, fonts, sizes, margin (see theme.ts). */
  theme: themeSchema.optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'expected lower-case letters, digits, dots, dashes or underscores' })
    .optional(),
  keywords: z.array(z.string()).optional(),
  /** Headings of the special sections, when the built-in names do not fit: `{ timeline: "Chronik" }`. */
  sections: sectionsField.optional(),
  description: z.string().optional(),
  /** A table of contents after the cover (default: true). */
  toc: z.boolean({ message: 'expected true or false' }).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export function isValidPartialDate(value: string): boolean {
  const m = partialDate.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/**
 * Parses the YAML between the `---` fences. `firstLine` is the line of the file where the
 * YAML text starts, so that positions point into the guide, not into the snippet.
 */
export function parseFrontMatter(yamlText: string, firstLine: number, reporter: Reporter): FrontMatter {
  const { doc, lineCounter } = parseYaml(yamlText, { prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + firstLine - 1, column: p.col };
  };
  for (const e of doc.errors) {
    reporter.error(`front matter is not valid YAML: ${firstSentence(e.message)}`, 'front-matter-yaml', at(e.pos[0]));
  }
  for (const w of doc.warnings) {
    reporter.error(`front matter: ${firstSentence(w.message)}`, 'front-matter-yaml', at(w.pos[0]));
  }
  if (doc.errors.length > 0) return {};
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    reporter.error('front matter must be a list of `key: value` lines', 'front-matter-shape', at(0));
    return {};
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    // Aliases that point nowhere, or too many of them: YAML that cannot become values.
    reporter.error(`front matter is not valid YAML: ${firstSentence(e instanceof Error ? e.message : String(e))}`, 'front-matter-yaml', at(0));
    return {};
  }
  // An unknown field that looks like a known one misspelt ("auther") is an error: the handout
  // would silently lack what the teacher wrote. Any other (a blog's `layout:` or `tags:`, another
  // tool's options) is left alone with a warning, and the rest of the front matter still counts.
  const known = Object.keys(frontMatterSchema.shape);
  const fields = Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([key]) => known.includes(key)));
  for (const key of Object.keys(data as Record<string, unknown>)) {
    if (known.includes(key)) continue;
    const hint = suggest(key, known);
    if (hint) reporter.error(`front matter: unknown field "${key}" (did you mean "${hint}"?); known fields are ${known.join(', ')}`, 'front-matter-unknown-field', keyPosition(doc, key, at));
    else reporter.warn(`front matter: field "${key}" is not one of studyguide's and is ignored; known fields are ${known.join(', ')}`, 'front-matter-unknown-field', keyPosition(doc, key, at));
  }
  const result = frontMatterSchema.safeParse(fields);
  if (result.success) return result.data;
  const invalid = new Set<string>();
  for (const issue of result.error.issues) {
    invalid.add(String(issue.path[0]));
    const field = issue.path.map(String).join('.');
    const node = doc.getIn(issue.path as (string | number)[], true) as YamlNode | undefined;
    const found = node && isScalar(node) ? ` (found ${JSON.stringify(node.value)})` : '';
    reporter.error(
      `front matter: field "${field}": ${issue.message}${found}`,
      'front-matter-invalid',
      node?.range ? at(node.range[0]) : keyPosition(doc, String(issue.path[0]), at),
    );
  }
  // The fields that are fine still count (the guide's title in later messages, say); the
  // errors above keep the guide from printing all the same.
  const valid = frontMatterSchema.safeParse(Object.fromEntries(Object.entries(fields).filter(([key]) => !invalid.has(key))));
  return valid.success ? valid.data : {};
}

function keyPosition(doc: Document, key: string, at: (offset: number) => Position): Position {
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return at(pair.key.range[0]);
    }
  }
  return at(0);
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

/** The closest known name, for "did you mean" hints. */
export function suggest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
