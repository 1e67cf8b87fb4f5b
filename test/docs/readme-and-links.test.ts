import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const pages = [
  'README.md',
  ...readdirSync(join(REPO, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f).split('\\').join('/')),
].sort();

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const text = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of text.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Every relative link of a page, outside code blocks: [text](target) with no scheme. */
function linksOf(markdown: string): string[] {
  const text = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
}

describe('the README', () => {
  // A fresh machine needs only these two commands: they stay on the first screen, as written.
  it('keeps the two commands that do everything on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npx prf report q3');
    expect(firstScreen).toMatch(/^npm test\b/m);
  });

  it('stays short and points at the guide for the rest', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(10_000);
    expect(readme).not.toMatch(/contract below/i);
    const guide = ['workspace', 'status-rules', 'reports', 'collect-and-import', 'audit', 'ci', 'rules', 'limits'].map((p) => `docs/guide/${p}.md`);
    const dev = ['architecture', 'testing', 'performance'].map((p) => `docs/dev/${p}.md`);
    for (const page of [...guide, ...dev]) expect(readme, page).toContain(`(${page})`);
  });
});

describe('links between the docs', () => {
  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const broken: string[] = [];
    for (const link of linksOf(readFileSync(join(REPO, page), 'utf8'))) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? join(REPO, page) : join(REPO, dirname(page), path);
      if (!existsSync(target)) broken.push(`${link}: no ${relative(REPO, target)}`);
      else if (anchor !== undefined && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor))
        broken.push(`${link}: no heading #${anchor}`);
    }
    expect(broken).toEqual([]);
  });
});
