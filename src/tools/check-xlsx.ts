/**
 * Checks that xlsx files open cleanly in a real spreadsheet program: LibreOffice, headless,
 * converts every sheet to CSV, and a load error, a non-zero exit, a sheet not converted or a sheet
 * with fewer rows than exceljs reads in it fails the check. Excel itself cannot run here;
 * LibreOffice is the nearest independent reader (and a lenient one, hence the row count).
 *
 *   node dist/tools/check-xlsx.js [FILE.xlsx...]
 *
 * With no files it writes the demo workspace's latest-quarter workbook (as a draft, so gaps do not
 * stop it) to a temporary folder and checks that. Exit 0 all opened, 1 a file failed, 2 LibreOffice
 * (soffice) is not installed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';

/** Every sheet to its own UTF-8 CSV (the last token, -1, means "all sheets"; LibreOffice 7.2+). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** LibreOffice says this on every start without a Java runtime; it is not about the file. */
const HARMLESS = /failed to launch javaldx|java may not function correctly/i;

export interface XlsxCheck {
  ok: boolean;
  /** What went wrong, or what was converted. */
  message: string;
  /** Each sheet's CSV text as LibreOffice read it, by the CSV file's name. */
  csv: Record<string, string>;
}

/** The soffice binary on PATH, or null: the check is then skipped or refused, never faked. */
export function findSoffice(path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** Each sheet's name and row count as exceljs reads them, or why it cannot read the file. */
async function readSheets(file: string): Promise<Array<{ name: string; rows: number }> | string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
    return workbook.worksheets.map((w) => ({ name: w.name, rows: w.rowCount }));
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Converts `file` with LibreOffice and reports whether it opened whole. LibreOffice is lenient (it
 * quietly loads half of a truncated sheet), so each sheet must also come out with as many rows as
 * exceljs, a second reader, finds in it.
 */
export async function checkXlsx(file: string, soffice: string): Promise<XlsxCheck> {
  const work = mkdtempSync(join(tmpdir(), 'prf-check-xlsx-'));
  try {
    const out = join(work, 'out');
    // A private profile, so parallel runs (and a user's own LibreOffice) never share a lock.
    const profile = pathToFileURL(join(work, 'profile')).href;
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', CSV_FILTER, '--outdir', out, resolve(file)],
      {
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, HOME: work },
      },
    );
    const said = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').filter((l) => l.trim() !== '' && !HARMLESS.test(l) && !/^convert |^Writing sheet /.test(l));
    const csvNames = existsSync(out)
      ? readdirSync(out)
          .filter((f) => f.endsWith('.csv'))
          .sort()
      : [];
    const csv = Object.fromEntries(csvNames.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    const problems: string[] = [];
    if (r.error) problems.push(`soffice did not run: ${r.error.message}`);
    if (r.status !== 0) problems.push(`soffice exited with ${r.status ?? r.signal}`);
    if (said.length > 0) problems.push(`soffice said: ${said.join(' | ')}`);
    if (csvNames.length === 0) problems.push('no sheet was converted');
    const sheets = await readSheets(file);
    if (typeof sheets === 'string') problems.push(`exceljs cannot read it: ${sheets}`);
    else if (csvNames.length > 0) {
      const stem = basename(file).replace(/\.xlsx$/i, '');
      for (const sheet of sheets) {
        // LibreOffice names each CSV <file>-<sheet>.csv (just <file>.csv when there is one sheet).
        const text = csv[`${stem}-${sheet.name}.csv`] ?? (sheets.length === 1 ? csv[`${stem}.csv`] : undefined);
        if (text === undefined) problems.push(`sheet "${sheet.name}" was not converted`);
        else {
          const rows = parse(text, { relax_column_count: true, bom: true }).length;
          if (rows !== sheet.rows) problems.push(`sheet "${sheet.name}": LibreOffice read ${rows} rows, exceljs ${sheet.rows}`);
        }
      }
    }
    return {
      ok: problems.length === 0,
      message:
        problems.length > 0
          ? `${basename(file)}: ${problems.join('; ')}`
          : `${basename(file)}: LibreOffice opened all ${csvNames.length} sheets, every row there`,
      csv,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The demo workspace's latest-quarter workbook, written by prf itself into `dir`. */
async function demoWorkbook(dir: string): Promise<string> {
  const { main } = await import('../commands/main.js');
  const repo = resolve(import.meta.dirname, '../..');
  let errors = '';
  const code = await main({
    argv: ['report', '--draft', '--format', 'xlsx', '--out', dir],
    cwd: repo,
    env: { ...process.env, NO_COLOR: '1' },
    stdout: { write: () => undefined },
    stderr: { write: (s: string) => (errors += s) },
  });
  if (code !== 0) throw new Error(`prf report failed (exit ${code}): ${errors}`);
  return join(dir, 'dashboard.xlsx');
}

async function run(args: string[]): Promise<number> {
  const soffice = findSoffice();
  if (soffice === null) {
    process.stderr.write(
      'check-xlsx: LibreOffice (soffice) is not on PATH; install it, e.g. apt-get install -y --no-install-recommends libreoffice-calc-nogui\n',
    );
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'prf-demo-xlsx-'));
  try {
    const files = args.length > 0 ? args : [await demoWorkbook(scratch)];
    let failed = 0;
    for (const file of files) {
      const check = await checkXlsx(file, soffice);
      (check.ok ? process.stdout : process.stderr).write(`${check.ok ? 'ok' : 'FAILED'}  ${check.message}\n`);
      if (!check.ok) failed++;
    }
    return failed > 0 ? 1 : 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await run(process.argv.slice(2));
}
