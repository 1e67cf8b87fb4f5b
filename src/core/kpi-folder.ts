/**
 * Where a new dictionary entry goes, as a workspace-relative folder: beside the entry it copies;
 * else in the deepest folder holding every KPI of its committee (a council that files by
 * committee and service gets the committee's folder); else the dictionary's top folder.
 */
export function folderForNew(
  kpis: ReadonlyArray<{ id: string; committee: string; file: string }>,
  options: { from?: string; committee?: string },
  dictionaryFolder: string,
): string {
  const dirOf = (file: string) => file.split('/').slice(0, -1).join('/');
  if (options.from !== undefined) {
    const source = kpis.find((k) => k.id === options.from);
    if (source) return dirOf(source.file);
  }
  const same = kpis.filter((k) => options.committee !== undefined && k.committee === options.committee).map((k) => dirOf(k.file).split('/'));
  if (same.length === 0) return dictionaryFolder;
  let common = same[0]!;
  for (const parts of same.slice(1)) {
    let n = 0;
    while (n < common.length && n < parts.length && common[n] === parts[n]) n++;
    common = common.slice(0, n);
  }
  const folder = common.join('/');
  // Never above the dictionary folder, which only the folders below it can share.
  return folder === dictionaryFolder || folder.startsWith(`${dictionaryFolder}/`) ? folder : dictionaryFolder;
}
