/** `studyguide new <name>`: a guide folder with a commented example of every section. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, StudyguideError } from '../diagnostics.js';
import { exists, fsReason, makeFolder, packagePath, shownPath } from '../paths.js';

const scaffold = `${packagePath('scaffold', 'guide')}${path.sep}`;

export async function newGuide(target: string, cwd: string, title?: string): Promise<string[]> {
  const dir = path.resolve(cwd, target);
  const slug = path.basename(dir);
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(slug)) {
    throw new StudyguideError(`"${slug}" is not a usable guide name: use letters, digits and dashes, such as weimar-republic`, ExitCode.usage);
  }
  const written: string[] = [];
  await makeFolder(dir).catch((e: unknown) => {
    throw new StudyguideError(`cannot make the folder ${shownPath(dir, cwd)}: ${fsReason(e)}`, ExitCode.failure);
  });
  const niceTitle = title ?? slug.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  for (const name of ['guide.md', 'references.bib']) {
    const file = path.join(dir, name);
    if (await exists(file)) throw new StudyguideError(`${path.relative(cwd, file)} already exists; nothing was changed`, ExitCode.usage);
  }
  for (const name of ['guide.md', 'references.bib']) {
    const text = (await readFile(path.join(scaffold, name), 'utf8'))
      .replace('{{TITLE}}', niceTitle.replace(/"/g, '\\"'))
      .replace('{{DATE}}', new Date().toISOString().slice(0, 10));
    const file = path.join(dir, name);
    await writeFile(file, text, { flag: 'wx' });
    written.push(file);
  }
  return written;
}

