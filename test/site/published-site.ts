import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { demoRepo, type GitFixture } from '../history/git-fixture.js';
import { runInProcess } from '../helpers/run.js';

/** Every file under `dir`, by slash-separated relative path. */
export function readTree(dir: string, under = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(join(dir, under), { withFileTypes: true })) {
    const rel = under === '' ? e.name : `${under}/${e.name}`;
    if (e.isDirectory()) Object.assign(files, readTree(dir, rel));
    else files[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return files;
}

/**
 * The demo in a git repository with its 2025-26-Q1 papers published (committed, with a manifest);
 * `prepare` may change the workspace before the commit.
 */
export async function publishedDemo(prepare?: (dir: string) => void): Promise<GitFixture> {
  const repo = demoRepo();
  prepare?.(repo.dir);
  repo.commit('The demo workspace', 'Ann Analyst', '2026-01-10T09:00:00Z');
  const r = await runInProcess(['report', '2025-26-Q1', '--format', 'html', '--manifest'], repo.dir);
  if (r.code !== 0) throw new Error(`prf report failed (exit ${r.code}): ${r.stderr}`);
  return repo;
}

/**
 * Every internal href and src in the site's pages that names no file in it (or no such id), as
 * `page: target`; links out (http, https) are not followed. `checked` counts the links looked at.
 */
export function brokenLinks(site: Record<string, string>): { broken: string[]; checked: number } {
  const broken: string[] = [];
  let checked = 0;
  for (const [page, html] of Object.entries(site).filter(([f]) => f.endsWith('.html'))) {
    for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
      const target = m[1]!;
      if (/^https?:/.test(target)) continue;
      const [file, fragment] = target.split('#') as [string, string | undefined];
      const path = file === '' ? page : normalize(join(dirname(page), file)).replace(/\\/g, '/');
      checked++;
      if (path.startsWith('..') || !(path in site)) broken.push(`${page}: ${target}`);
      else if (fragment && !site[path]!.includes(`id="${fragment}"`)) broken.push(`${page}: ${target} (no such id)`);
    }
  }
  return { broken, checked };
}
