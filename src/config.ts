/**
 * The project config file, `studyguide.config.{ts,mts,js,mjs,json,yaml,yml}`, for defaults
 * such as paper, editions, citation style and templates. Checked by a schema; a mistake names
 * the key, the value and what was expected. Precedence, lowest first: built-in defaults <
 * config file < a guide's front matter < command-line flags.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseYaml } from './yaml.js';
import { z } from 'zod';
import { StudyguideError, ExitCode } from './diagnostics.js';
import { themeSchema } from './theme.js';
import { exists } from './paths.js';
import { importModule } from './import-module.js';
import type * as Jiti from 'jiti';

export const configFileNames = ['studyguide.config.ts', 'studyguide.config.mts', 'studyguide.config.js', 'studyguide.config.mjs', 'studyguide.config.json', 'studyguide.config.yaml', 'studyguide.config.yml'];

export const configSchema = z.strictObject({
  /** Guide files or folders to build when none are named on the command line. */
  content: z.union([z.string(), z.array(z.string())]).optional(),
  out: z.string().min(1).optional(),
  edition: z.enum(['student', 'teacher', 'all'], { message: 'expected student, teacher or all' }).optional(),
  paper: z.enum(['a4', 'letter'], { message: 'expected a4 or letter' }).optional(),
  citationStyle: z.string().min(1).optional(),
  templates: z.string().min(1).optional(),
  strict: z.boolean({ message: 'expected true or false' }).optional(),
  html: z.boolean({ message: 'expected true or false' }).optional(),
  browser: z.string().min(1).optional(),
  /** Print with an already running browser (its DevTools WebSocket URL) instead of starting one. */
  browserWSEndpoint: z.string().regex(/^wss?:\/\/\S+$/, { message: 'expected a ws:// or wss:// URL' }).optional(),
  timeout: z.number({ message: 'expected a number of seconds' }).positive({ message: 'expected a number of seconds above 0' }).optional(),
  theme: themeSchema.optional(),
  /** A table of contents after the cover (default: true); a guide's `toc:` wins. */
  toc: z.boolean({ message: 'expected true or false' }).optional(),
  /** Pad each PDF to an even number of pages, so each guide starts on a new sheet. */
  duplex: z.boolean({ message: 'expected true or false' }).optional(),
});

export type StudyguideConfig = z.input<typeof configSchema>;
export type ResolvedConfig = z.output<typeof configSchema> & { file?: string; dir: string };

/** Typed config files: `export default defineConfig({ paper: 'letter' })`. */
export function defineConfig(config: StudyguideConfig): StudyguideConfig {
  return config;
}

/** Finds and reads the config file in `cwd` (or `explicit`); none is an empty config. */
export async function loadConfig(cwd: string, explicit?: string): Promise<ResolvedConfig> {
  let file: string | undefined;
  if (explicit) {
    file = path.resolve(cwd, explicit);
    if (!(await exists(file))) throw new StudyguideError(`--config ${explicit}: no such file`, ExitCode.usage);
  } else {
    for (const name of configFileNames) {
      if (await exists(path.join(cwd, name))) {
        file = path.join(cwd, name);
        break;
      }
    }
  }
  if (!file) return { dir: cwd };
  const { data, lineOf } = await readConfigData(file);
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) {
    const shown = path.relative(cwd, file) || file;
    const lines = result.error.issues.map((issue) => {
      const key = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
      const where = lineOf(issue.code === 'unrecognized_keys' ? issue.keys[0] ?? '' : String(issue.path[0] ?? ''));
      const value = valueAt(data, issue.path);
      const what =
        issue.code === 'unrecognized_keys'
          ? `unknown key "${key}"; known keys are ${Object.keys(configSchema.shape).join(', ')}`
          : `"${key}": ${issue.message}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`;
      return `${shown}${where ? `:${where}` : ''}: ${what}`;
    });
    throw new StudyguideError(`the config file has ${lines.length === 1 ? 'a mistake' : 'mistakes'}:\n${lines.join('\n')}`, ExitCode.usage);
  }
  return { ...result.data, file, dir: path.dirname(file) };
}

async function readConfigData(file: string): Promise<{ data: unknown; lineOf: (key: string) => number | undefined }> {
  const noLines = () => undefined;
  const ext = path.extname(file);
  try {
    if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
      const text = await readFile(file, 'utf8');
      const { doc, lineCounter } = parseYaml(text);
      if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const p = e ? lineCounter.linePos(e.pos[0]) : undefined;
        throw new StudyguideError(`${path.basename(file)}${p ? `:${p.line}:${p.col}` : ''}: not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${e?.message.split('\n')[0] ?? ''}`, ExitCode.usage);
      }
      const lineOf = (key: string) => {
        const node = doc.contents as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null;
        const pair = node?.items?.find((i) => i.key?.value === key);
        return pair?.key?.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
      };
      return { data: doc.toJS({ maxAliasCount: 50 }), lineOf };
    }
    if (ext === '.ts' || ext === '.mts') {
      const { createJiti } = await importModule<typeof Jiti>('jiti');
      const jiti = createJiti(import.meta.url, { moduleCache: false });
      const mod = await jiti.import<{ default?: unknown }>(file);
      return { data: mod.default ?? mod, lineOf: noLines };
    }
    const mod = await importModule<{ default?: unknown }>(`${pathToFileURL(file).href}?t=${Date.now()}`);
    return { data: mod.default, lineOf: noLines };
  } catch (e) {
    if (e instanceof StudyguideError) throw e;
    throw new StudyguideError(`cannot read ${path.basename(file)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, ExitCode.usage);
  }
}

function valueAt(data: unknown, keys: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of keys) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

