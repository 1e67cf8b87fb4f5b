import { sep } from 'node:path';

/** Whether absolute path `dir` is `parent` or lies below it. */
export function isInside(dir: string, parent: string): boolean {
  return dir === parent || dir.startsWith(parent + sep);
}
