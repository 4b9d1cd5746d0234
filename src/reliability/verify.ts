/**
 * Optional online checks (`--verify-sources`): each DOI is looked up in Crossref's public API
 * (title and year compared with the entry, retractions flagged) and each web address is asked
 * for. Results are kept in `sources.verified.json` next to the guide, so that later builds give
 * the same appendix offline; without the flag only that file is read and nothing is fetched.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../output.js';
import type { CslItem, Library } from '../references/types.js';
import type { Finding } from './rubric.js';

export const cacheFileName = 'sources.verified.json';

export interface VerifyOptions {
  /** Contact the network for entries not checked yet (or all, with `refresh`). */
  online: boolean;
  refresh?: boolean;
  /** Crossref API root; STUDYGUIDE_CROSSREF_URL or https://api.crossref.org. */
  crossrefUrl?: string;
  timeoutMs?: number;
}

interface CacheEntry {
  /** The identifiers checked; a change in the entry means a new check. */
  doi?: string;
  url?: string;
  checked: string;
  findings: Finding[];
}

interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
}

export async function verifySources(library: Library, guideDir: string, options: VerifyOptions): Promise<Map<string, Finding[]>> {
  const file = path.join(guideDir, cacheFileName);
  const cache = await readCache(file);
  const result = new Map<string, Finding[]>();
  const pending: (() => Promise<void>)[] = [];
  for (const ref of library.entries.values()) {
    const doi = typeof ref.csl.DOI === 'string' ? ref.csl.DOI : undefined;
    const url = typeof ref.csl.URL === 'string' ? ref.csl.URL : undefined;
    if (!doi && !url) continue;
    const cached = cache.entries[ref.id];
    const fresh = cached && cached.doi === doi && cached.url === url && !options.refresh;
    if (fresh) {
      result.set(ref.id, cached.findings);
      continue;
    }
    if (!options.online) continue;
    pending.push(async () => {
      const findings = await check(ref.csl, doi, url, options);
      result.set(ref.id, findings);
      cache.entries[ref.id] = { ...(doi ? { doi } : {}), ...(url ? { url } : {}), checked: new Date().toISOString().slice(0, 10), findings };
    });
  }
  await inBatches(pending, 4);
  if (options.online && pending.length > 0) {
    const sorted: CacheFile = { version: 1, entries: Object.fromEntries(Object.entries(cache.entries).sort(([a], [b]) => a.localeCompare(b))) };
    await writeAtomic(file, `${JSON.stringify(sorted, null, 2)}\n`);
  }
  return result;
}

async function check(csl: CslItem, doi: string | undefined, url: string | undefined, options: VerifyOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  if (doi) findings.push(...(await checkDoi(csl, doi, options)));
  // A DOI that resolves is the stronger identifier; the web address is checked when there is no DOI.
  if (url && !doi) findings.push(await checkUrl(url, options));
  return findings;
}

async function checkDoi(csl: CslItem, doi: string, options: VerifyOptions): Promise<Finding[]> {
  const root = (options.crossrefUrl ?? process.env.STUDYGUIDE_CROSSREF_URL ?? 'https://api.crossref.org').replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${root}/works/${encodeURIComponent(doi)}`, {
      headers: { Accept: 'application/json', 'User-Agent': 'studyguide (https://www.npmjs.com/package/studyguide)' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch {
    return [];
  }
  if (response.status === 404) return [{ code: 'doi-not-found' }];
  if (!response.ok) return [];
  const body = (await response.json().catch(() => undefined)) as { message?: CrossrefWork } | undefined;
  const work = body?.message;
  if (!work) return [];
  const findings: Finding[] = [];
  const found = work.title?.[0] ?? '';
  const year = work.issued?.['date-parts']?.[0]?.[0] ?? work.published?.['date-parts']?.[0]?.[0];
  const ownYear = Number(csl.issued?.['date-parts']?.[0]?.[0]);
  const titleOk = !csl.title || similar(csl.title, found);
  const yearOk = !ownYear || !year || Math.abs(ownYear - year) <= 1;
  findings.push(titleOk && yearOk ? { code: 'doi-verified' } : { code: 'doi-mismatch', found: `${found}${year ? ` (${year})` : ''}` });
  const retracted =
    (work['updated-by'] ?? []).some((u) => /retract/i.test(u.type ?? '')) ||
    Object.keys(work.relation ?? {}).some((k) => /retracted/i.test(k)) ||
    /retract/i.test(work.type ?? '');
  if (retracted) findings.push({ code: 'retracted' });
  return findings;
}

interface CrossrefWork {
  title?: string[];
  type?: string;
  issued?: { 'date-parts'?: number[][] };
  published?: { 'date-parts'?: number[][] };
  'updated-by'?: { type?: string; DOI?: string }[];
  relation?: Record<string, unknown>;
}

async function checkUrl(url: string, options: VerifyOptions): Promise<Finding> {
  const attempt = async (method: 'HEAD' | 'GET') =>
    fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 15_000), headers: { 'User-Agent': 'studyguide link check' } });
  try {
    let response = await attempt('HEAD');
    if (response.status === 405 || response.status === 403 || response.status === 501) response = await attempt('GET');
    await response.body?.cancel().catch(() => undefined);
    return response.ok ? { code: 'url-reachable' } : { code: 'url-unreachable', status: String(response.status) };
  } catch {
    return { code: 'url-unreachable', status: 'no answer' };
  }
}

/** Titles match when most words of the shorter one appear in the other. */
export function similar(a: string, b: string): boolean {
  const words = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w.length > 2);
  const [x, y] = [words(a), words(b)];
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, new Set(y)] : [y, new Set(x)];
  return short.filter((w) => long.has(w)).length / short.length >= 0.8;
}

async function readCache(file: string): Promise<CacheFile> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
    if (data.version === 1 && typeof data.entries === 'object') return data;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  return { version: 1, entries: {} };
}

async function inBatches(tasks: (() => Promise<void>)[], size: number): Promise<void> {
  for (let i = 0; i < tasks.length; i += size) await Promise.all(tasks.slice(i, i + size).map((t) => t()));
}
