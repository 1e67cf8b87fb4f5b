import { compareText } from '../text/compare.js';

/**
 * The list of files `prf site` wrote into its folder, kept beside them, so the next build can
 * remove the pages it no longer publishes (a KPI dropped from the dictionary) without touching
 * anything else in the folder (a host's CNAME, a robots.txt the council added).
 */
export const SITE_FILE_LIST = '.prf-site-files';

const HEADER = '# The files prf site wrote here. The next prf site removes any of them it no longer writes; files not listed are never touched.';

export function formatSiteFileList(paths: string[]): string {
  return `${[HEADER, ...[...paths].sort(compareText)].join('\n')}\n`;
}

/**
 * The paths a list names, keeping only plain relative paths inside the folder: a list edited by
 * hand (or damaged) can never make prf remove anything outside the site, or the list itself.
 */
export function parseSiteFileList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' &&
        !line.startsWith('#') &&
        // prf's own files (this list, a lock, a temporary) are never the site's to remove.
        !line.split('/').some((part) => part.startsWith('.prf-')) &&
        !line.startsWith('/') &&
        !/^[A-Za-z]:/.test(line) &&
        !line.includes('\\') &&
        !line.split('/').some((part) => part === '..' || part === '.' || part === ''),
    );
}
