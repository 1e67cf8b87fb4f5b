import { describe, expect, it } from 'vitest';
import { workspaceFolder } from '../../src/load/paths.js';

describe('workspaceFolder: the one rule for a folder named in prf.yaml', () => {
  it.each([
    ['kpis', 'kpis'],
    ['kpis/', 'kpis'],
    ['./data/outturns', 'data/outturns'],
    ['data\\outturns', 'data/outturns'],
    ['a/../kpis', 'kpis'],
    ['.', ''],
  ])('%s is the workspace folder %s', (text, folder) => expect(workspaceFolder(text)).toBe(folder));

  it.each(['..', '../elsewhere', 'kpis/../../x', '/etc', '\\kpis', '/work/main/kpis'])('%s leads outside the workspace', (text) =>
    expect(workspaceFolder(text)).toBeNull(),
  );
});
