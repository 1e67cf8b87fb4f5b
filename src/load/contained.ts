import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInside } from './paths.js';

/**
 * The one rule for links. Every path prf reads (the dictionary, data, commentary, templates,
 * partials, manifests) or writes (--out, forms) is judged on its real path, links resolved, and
 * must stay inside the workspace (or, for output, the folder the user named). A link is fine
 * while it stays inside; one that leads out, or loops, is refused with the message below,
 * worded the same by every reader and writer.
 */
export class LinkError extends Error {}

/** The message for a path whose real location is outside `where` (the workspace, or a named folder). */
export function outsideMessage(real: string, where = 'the workspace'): string {
  return `this link leads outside ${where} (${real}): prf reads and writes only inside it; copy the file in instead`;
}

export const LOOP_MESSAGE = 'this link points to something that does not exist, or loops back on itself: remove it or fix its target';

/**
 * Where `path` really is, links resolved, even if it does not exist yet (an output folder about
 * to be made): the real path of its deepest existing ancestor, with the rest appended. A link
 * that exists but cannot be resolved (a loop, a dangling target) throws a LinkError.
 */
export function realPathOf(path: string): string {
  const rest: string[] = [];
  let p = path;
  for (;;) {
    let exists = false;
    try {
      lstatSync(p);
      exists = true;
    } catch {
      // not there yet
    }
    if (exists) {
      try {
        return join(realpathSync(p), ...rest.reverse());
      } catch {
        throw new LinkError(`${path}: ${LOOP_MESSAGE}`);
      }
    }
    const parent = dirname(p);
    if (parent === p) return join(p, ...rest.reverse());
    rest.push(basename(p));
    p = parent;
  }
}

/** Throws a LinkError unless `path` (links resolved) lies inside `folder` (links resolved). */
export function assertInside(path: string, folder: string, shown: string, where = 'the workspace'): string {
  const real = realPathOf(path);
  const folderReal = existsSync(folder) ? realpathSync(folder) : folder;
  if (!isInside(real, folderReal)) throw new LinkError(`${shown}: ${outsideMessage(real, where)}`);
  return real;
}
