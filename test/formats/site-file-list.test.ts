import { describe, expect, it } from 'vitest';
import { formatSiteFileList, parseSiteFileList } from '../../src/formats/site-file-list.js';

describe('the list of files prf site wrote', () => {
  it('reads back what it writes, sorted, under its comment line', () => {
    const text = formatSiteFileList(['kpi/B.html', 'index.html', 'kpi/A.html']);
    expect(text.split('\n')[0]).toMatch(/^# The files prf site wrote here\./);
    expect(parseSiteFileList(text)).toEqual(['index.html', 'kpi/A.html', 'kpi/B.html']);
  });

  it.each([
    ['a path out of the folder', '../outside.txt'],
    ['an absolute path', '/etc/hostname'],
    ['a Windows drive', 'C:/Windows/win.ini'],
    ['a backslash path', 'kpi\\A.html'],
    ['an empty segment', 'kpi//A.html'],
    ['the list itself', '.prf-site-files'],
    ['the lock', '.prf-lock'],
    ["a killed run's temporary", 'kpi/.prf-tmp-12-1-0.old'],
  ])('never names %s, whatever a hand-edited list says', (_, line) => {
    expect(parseSiteFileList(`index.html\n${line}\n`)).toEqual(['index.html']);
  });
});
