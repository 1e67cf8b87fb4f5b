import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RenderedFile } from '../render/render.js';

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** A headless Chromium or Chrome: PRF_BROWSER if set, else the first on PATH. */
export function findBrowser(env: Record<string, string | undefined>): string | null {
  if (env.PRF_BROWSER) return existsSync(env.PRF_BROWSER) ? env.PRF_BROWSER : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of BROWSERS) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

export type PdfResult = { ok: true; files: RenderedFile[] } | { ok: false; message: string };

/**
 * Prints each HTML paper to PDF with the browser's own print engine, so the PDF is the HTML's
 * A4 print styles exactly. The pages are copied to a private temporary folder first (links
 * between papers still resolve there) and the folder is always removed.
 */
export async function printPdfs(html: RenderedFile[], env: Record<string, string | undefined>): Promise<PdfResult> {
  const browser = findBrowser(env);
  if (!browser && env.PRF_BROWSER) {
    return {
      ok: false,
      message: `PRF_BROWSER is ${env.PRF_BROWSER}, which does not exist: set it to a Chromium or Chrome program, or unset it to look on PATH. The other formats can be written without it: leave pdf out of --format.`,
    };
  }
  if (!browser) {
    return {
      ok: false,
      message:
        'PDF needs a Chromium or Chrome browser and none was found on PATH (set PRF_BROWSER to its path, or install one: apt-get install chromium). The other formats can be written without it: leave pdf out of --format.',
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'prf-pdf-'));
  try {
    for (const f of html) writeFileSync(join(dir, f.path), f.data);
    const out: RenderedFile[] = [];
    for (const f of html) {
      const pdfName = f.path.replace(/\.html$/, '.pdf');
      const target = join(dir, pdfName);
      const r = spawnSync(
        browser,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-pdf-header-footer',
          `--user-data-dir=${join(dir, '.profile')}`,
          `--print-to-pdf=${target}`,
          pathToFileURL(join(dir, f.path)).href,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (!existsSync(target)) {
        return {
          ok: false,
          message: `${browser} did not print ${f.path} (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').split('\n').filter(Boolean).slice(-1)[0] ?? 'no message'}`,
        };
      }
      out.push({ path: pdfName, data: readFileSync(target) });
    }
    return { ok: true, files: out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
