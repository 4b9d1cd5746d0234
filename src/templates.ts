/**
 * Stage 7: Handlebars templates. A layout, one partial per section and a CSS theme, each
 * looked up by name: the guide's own `templates/` folder first, then `--templates DIR`,
 * then the built-in set. A template error names the template file and line.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import { StudyguideError, type Diagnostic } from './diagnostics.js';
import { sha256 } from './hash.js';
import { formatPartialDate, parsePartialDate } from './sections/dates.js';
import { packagePath } from './paths.js';
import { importModule } from './import-module.js';

export const builtinTemplates = `${packagePath('templates')}${path.sep}`;

export interface TemplateSet {
  render(view: unknown): string;
  /** The files used, by name, for `--verbose` and error messages. */
  files: Record<string, string>;
}

const cache = new Map<string, Promise<TemplateSet>>();

/** Forgets compiled templates, so that edited files are read again (watch mode). */
export function clearTemplateCache(): void {
  cache.clear();
}

/**
 * Loads the templates from `dirs`, earlier folders overriding later ones. Folders that do not
 * exist are left out before the cache is asked, so that the many guides of a batch without
 * their own `templates/` folder share one compiled set.
 */
export async function loadTemplates(dirs: readonly string[]): Promise<TemplateSet> {
  const existing = await Promise.all(dirs.map(async (dir) => ((await isDirectory(dir)) ? dir : undefined)));
  const all = [...existing.filter((d): d is string => d !== undefined), builtinTemplates];
  const key = all.join('\0');
  let set = cache.get(key);
  if (!set) {
    set = compileSet(all);
    set.catch(() => cache.delete(key));
    cache.set(key, set);
  }
  return set;
}

async function compileSet(dirs: readonly string[]): Promise<TemplateSet> {
  const files: Record<string, string> = {};
  // Lowest priority first so that overrides replace.
  for (const dir of [...dirs].reverse()) {
    for (const name of ['layout.hbs', 'theme.css']) {
      if (await isFile(path.join(dir, name))) files[name] = path.join(dir, name);
    }
    for (const entry of await list(path.join(dir, 'partials'))) {
      if (entry.endsWith('.hbs')) files[`partials/${entry}`] = path.join(dir, 'partials', entry);
    }
  }
  if (!files['layout.hbs']) throw new StudyguideError(`no layout.hbs found in ${dirs.join(', ')}`);
  const hb = Handlebars.create();
  registerHelpers(hb);
  const sources = new Map<string, string>();
  for (const [name, file] of Object.entries(files)) sources.set(name, await readFile(file, 'utf8'));
  const prebuilt = await precompiled();
  // A built-in template, unchanged since the build, comes precompiled; any other is compiled here.
  const template = (name: string, source: string): Handlebars.TemplateDelegate => {
    const file = files[name] ?? name;
    const spec = file === path.join(builtinTemplates, name) ? prebuilt?.[name] : undefined;
    if (spec && spec.sha256 === sha256(source)) return hb.template(spec.spec as Parameters<typeof hb.template>[0]);
    return compile(hb, source, file);
  };
  for (const [name, source] of sources) {
    if (!name.startsWith('partials/')) continue;
    const partial = name.slice('partials/'.length, -'.hbs'.length);
    hb.registerPartial(partial, template(name, source));
  }
  const css = sources.get('theme.css') ?? '';
  const layout = template('layout.hbs', sources.get('layout.hbs') ?? '');
  return {
    files,
    render(view: unknown): string {
      try {
        return layout({ ...(view as object), css: new Handlebars.SafeString(css) });
      } catch (e) {
        throw templateError(e, files['layout.hbs'] ?? 'layout.hbs', files);
      }
    },
  };
}

/** Where `npm run build` writes the built-in templates, precompiled (scripts/bundle.mjs). */
export const precompiledTemplatesFile = packagePath('lib', 'templates.precompiled.js');

type Precompiled = Record<string, { sha256: string; spec: unknown }>;
let precompiledSet: Promise<Precompiled | undefined> | undefined;

/** The precompiled built-in templates (compiling them costs about 150 ms at start-up), if built. */
function precompiled(): Promise<Precompiled | undefined> {
  precompiledSet ??= importModule<{ default?: Precompiled }>(pathToFileURL(precompiledTemplatesFile).href).then(
    (m) => m.default,
    () => undefined,
  );
  return precompiledSet;
}

function compile(hb: typeof Handlebars, source: string, file: string): Handlebars.TemplateDelegate {
  try {
    // Compile eagerly so that syntax errors surface here, with the file's name.
    const template = hb.compile(source, { strict: false, preventIndent: true });
    template({});
    return template;
  } catch (e) {
    throw templateError(e, file, {});
  }
}

/** A template problem, named by file and line where Handlebars says where. */
export class TemplateError extends StudyguideError {
  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.file}${diagnostic.position ? `:${diagnostic.position.line}:${diagnostic.position.column}` : ''}: ${diagnostic.message}`);
    this.name = 'TemplateError';
  }
}

function templateError(e: unknown, file: string, files: Record<string, string>): TemplateError {
  const message = e instanceof Error ? e.message : String(e);
  const line = /line (\d+)/.exec(message);
  const partial = /The partial (\S+) could not be found/.exec(message);
  const first = message.split('\n')[0] ?? message;
  const d: Diagnostic = {
    severity: 'error',
    file,
    message: partial
      ? `template uses the partial "${partial[1]}", which is not in any templates folder (${Object.keys(files).filter((f) => f.startsWith('partials/')).map((f) => f.slice(9, -4)).join(', ')})`
      : `template error: ${first}${message.includes('Expecting') ? ` (${message.split('\n').slice(-1)[0]})` : ''}`,
    rule: 'template',
  };
  if (line) d.position = { line: Number(line[1]), column: 1 };
  return new TemplateError(d);
}

function registerHelpers(hb: typeof Handlebars): void {
  /** `{{#times 5}}…{{/times}}` repeats a block, e.g. ruled answer lines. */
  hb.registerHelper('times', function (this: unknown, n: unknown, options: Handlebars.HelperOptions) {
    const count = Math.max(0, Math.min(100, Number(n) || 0));
    let out = '';
    for (let i = 0; i < count; i++) out += options.fn(this, { data: { index: i } });
    return out;
  });
  /** `{{css-string title}}`: a value quoted for a CSS `content:` string. */
  hb.registerHelper('css-string', (value: unknown) => new hb.SafeString(JSON.stringify(String(value ?? '')).replace(/</g, '\\3C ').replace(/\\n/g, ' ')));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  /** `{{format-date "1954-03-31"}}`: a date written YYYY[-MM[-DD]] in the guide's language. */
  hb.registerHelper('format-date', function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
    const date = parsePartialDate(String(value ?? ''));
    const lang = String((options.data as { root?: { lang?: string } } | undefined)?.root?.lang ?? 'en');
    return date ? formatPartialDate(date, lang) : String(value ?? '');
  });
  /** `{{plural count "question" "questions"}}`: the word that fits the number. */
  hb.registerHelper('plural', (count: unknown, one: unknown, many: unknown) => (Number(count) === 1 ? String(one) : String(many)));
  /** `{{format-number 1234.5}}`: a number written the way the guide's language writes it. */
  hb.registerHelper('format-number', function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
    const lang = String((options.data as { root?: { lang?: string } } | undefined)?.root?.lang ?? 'en');
    try {
      return new Intl.NumberFormat(lang).format(Number(value));
    } catch {
      return String(value);
    }
  });
  /** `{{add @index 1}}`: arithmetic for numbering. */
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
