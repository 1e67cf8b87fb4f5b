/**
 * Runs axe-core inside the real headless Chromium that prints prf's PDFs, with no puppeteer:
 * each page is copied beside axe.min.js with two script tags added, Chromium loads it with
 * --dump-dom, and the page's own script leaves axe's result in the DOM for us to read back.
 * --virtual-time-budget makes Chromium run the page's timers and promises (axe works in
 * chunks) before it dumps, so the result is there when the DOM is serialised.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findBrowser } from '../../src/write/print-pdf.js';

/** The browser prf itself would use (PRF_BROWSER, else the first on PATH), so tests check what users get. */
export const testBrowser = (): string | null => findBrowser(process.env);

/** WCAG 2.1 A and AA, plus axe's best practices (landmarks, one h1, heading order...). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

export interface AxeResult {
  violations: AxeViolation[];
  /** The page's scrollWidth and the window's clientWidth: wider than the window means horizontal scrolling. */
  scrollWidth: number;
  clientWidth: number;
  /** How many rules passed: a page where nothing ran would pass vacuously, so tests check this too. */
  passes: number;
}

const RESULT_ID = 'axe-result';

// Runs in the page. The JSON is URI-encoded so the DOM serialiser cannot change it (no & < > to escape).
const runner = (tags: readonly string[]) => `
(function () {
  function done(value) {
    var pre = document.createElement('pre');
    pre.id = '${RESULT_ID}';
    pre.textContent = encodeURIComponent(JSON.stringify(value));
    document.body.appendChild(pre);
  }
  axe.run(document, { runOnly: ${JSON.stringify(tags)}, resultTypes: ['violations'] }).then(
    function (r) {
      done({ violations: r.violations.map(function (v) {
        return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {
          return { target: n.target, html: n.html, failureSummary: n.failureSummary };
        }) };
      }), passes: r.passes.length, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth });
    },
    function (e) { done({ error: String(e && e.stack || e) }); }
  );
})();
`;

const AXE_SOURCE = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));

function injectAxe(html: string, name: string): string {
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error(`${name}: no </body> to add the accessibility checker before`);
  const up = '../'.repeat(name.split('/').length - 1);
  return `${html.slice(0, at)}<script src="${up}axe.min.js"></script><script src="${up}run-axe.js"></script>\n${html.slice(at)}`;
}

/** Loads a page in headless Chromium and returns the DOM as it stands once the page has settled. */
function dumpDom(browser: string, url: string, profile: string, width = 1280): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      browser,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        // A fixed desktop-sized window so layout-dependent rules (contrast, overlap) see the same page every run.
        `--window-size=${width},1024`,
        '--virtual-time-budget=10000',
        // A profile per page so pages can load in parallel without fighting over one profile lock.
        `--user-data-dir=${profile}`,
        '--dump-dom',
        url,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(out);
      else reject(new Error(`${browser} exited ${code ?? signal} on ${url}: ${err.split('\n').filter(Boolean).slice(-3).join(' | ')}`));
    });
  });
}

function readResult(dom: string, name: string): AxeResult {
  const m = new RegExp(`<pre id="${RESULT_ID}">([^<]*)</pre>`).exec(dom);
  if (!m) throw new Error(`${name}: axe left no result in the page (did it finish within --virtual-time-budget?)`);
  const parsed = JSON.parse(decodeURIComponent(m[1]!)) as AxeResult & { error?: string };
  if (parsed.error) throw new Error(`${name}: axe failed in the page: ${parsed.error}`);
  return { violations: parsed.violations, passes: parsed.passes, scrollWidth: parsed.scrollWidth, clientWidth: parsed.clientWidth };
}

/**
 * Checks each page (file name to HTML) with axe in `browser`, a few at a time. The pages are
 * copied into one temporary folder, so links between them still resolve; it is always removed.
 */
export async function checkAccessibility(
  browser: string,
  pages: Record<string, string>,
  concurrency = 3,
  options: { width?: number; tags?: readonly string[] } = {},
): Promise<Record<string, AxeResult>> {
  const dir = mkdtempSync(join(tmpdir(), 'prf-axe-'));
  try {
    copyFileSync(AXE_SOURCE, join(dir, 'axe.min.js'));
    writeFileSync(join(dir, 'run-axe.js'), runner(options.tags ?? AXE_TAGS));
    const names = Object.keys(pages).sort();
    for (const name of names) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), injectAxe(pages[name]!, name));
    }
    const results: Record<string, AxeResult> = {};
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const i = next++;
        const name = names[i]!;
        const dom = await dumpDom(browser, pathToFileURL(join(dir, name)).href, join(dir, `.profile-${i}`), options.width ?? 1280);
        results[name] = readResult(dom, name);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, worker));
    return results;
  } finally {
    // Chromium's helper processes can still be writing to a profile for a moment after the
    // browser exits (more so on a loaded machine), which makes a single rmdir fail with ENOTEMPTY.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

/**
 * Loads each page in `browser` at `width` px with `script` added at the end of its body; the
 * script must put its answer, as text, in an element with id "page-result". Returns that text
 * per page. Used for layout checks that need a real layout engine.
 */
export async function runInPages(browser: string, pages: Record<string, string>, script: string, width = 1280): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'prf-page-'));
  try {
    writeFileSync(join(dir, 'page-script.js'), script);
    const names = Object.keys(pages).sort();
    const results: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      const html = pages[name]!;
      const at = html.lastIndexOf('</body>');
      writeFileSync(join(dir, name), `${html.slice(0, at)}<script src="page-script.js"></script>\n${html.slice(at)}`);
      const dom = await dumpDom(browser, pathToFileURL(join(dir, name)).href, join(dir, `.profile-${i}`), width);
      const m = /<pre id="page-result">([^<]*)<\/pre>/.exec(dom);
      if (!m) throw new Error(`${name}: the page script left no result`);
      results[name] = decodeURIComponent(m[1]!);
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per failing element, so a test failure says what to fix and where. */
export function describeViolations(result: AxeResult): string[] {
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help} at ${JSON.stringify(n.target)}: ${n.html.slice(0, 160)}`),
  );
}
