/** `studyguide templates eject [DIR]`: copies the built-in templates for editing. */
import { copyFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, StudyguideError } from '../diagnostics.js';
import { builtinTemplates } from '../templates.js';
import { exists, fsReason, makeFolder, shownPath } from '../paths.js';

export async function ejectTemplates(target: string, cwd: string, options: { force?: boolean; only?: string[] } = {}): Promise<string[]> {
  const dir = path.resolve(cwd, target);
  const all = ['layout.hbs', 'theme.css', ...(await readdir(path.join(builtinTemplates, 'partials'))).map((p) => `partials/${p}`)];
  const wanted = options.only?.length ? all.filter((f) => options.only?.some((o) => f === o || f === `partials/${o}` || f === `partials/${o}.hbs` || f === `${o}.hbs`)) : all;
  if (options.only?.length && wanted.length === 0) {
    throw new StudyguideError(`no template called ${options.only.join(', ')}; the templates are ${all.join(', ')}`, ExitCode.usage);
  }
  if (!options.force) {
    const existing: string[] = [];
    for (const f of wanted) if (await exists(path.join(dir, f))) existing.push(path.relative(cwd, path.join(dir, f)));
    if (existing.length > 0) throw new StudyguideError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite`, ExitCode.usage);
  }
  const written: string[] = [];
  for (const f of wanted) {
    await makeFolder(path.dirname(path.join(dir, f))).catch((e: unknown) => {
      throw new StudyguideError(`cannot make the folder ${shownPath(path.dirname(path.join(dir, f)), cwd)}: ${fsReason(e)}`, ExitCode.failure);
    });
    await copyFile(path.join(builtinTemplates, f), path.join(dir, f));
    written.push(path.join(dir, f));
  }
  return written;
}

