/**
 * Adds committees, services, priorities and aims to prf.yaml's text, keeping every comment, blank line and key order the
 * officer wrote: the yaml Document API edits the parsed document rather than rewriting the
 * file from data. Pure.
 */
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';
import type { Committee, Priority } from '../model/config.js';

export function addCommittees(text: string, committees: readonly Committee[]): string {
  return addToConfig(text, { committees });
}

/**
 * Adds committees, services, priorities and aims under priorities prf.yaml has (a services: list
 * is made after committees: when there is none).
 */
export function addToConfig(
  text: string,
  add: {
    committees?: readonly Committee[];
    services?: readonly string[];
    priorities?: readonly Priority[];
    aims?: ReadonlyArray<{ priority: string; aim: { id: string; name: string } }>;
  },
): string {
  const committees = add.committees ?? [];
  const services = add.services ?? [];
  const priorities = add.priorities ?? [];
  const aims = add.aims ?? [];
  if (committees.length === 0 && services.length === 0 && priorities.length === 0 && aims.length === 0) return text;
  const doc = parseDocument(text);
  for (const { priority, aim } of aims) {
    const node = listAt(doc, 'priorities').items.find((p) => isMap(p) && p.get('id') === priority);
    if (!isMap(node)) throw new Error(`addToConfig: no priority ${priority} in prf.yaml`);
    const list = node.get('aims');
    if (isSeq(list)) list.add(doc.createNode({ ...aim }));
    else node.set('aims', doc.createNode([{ ...aim }]));
  }
  if (priorities.length > 0) {
    const seq = listAt(doc, 'priorities');
    for (const p of priorities) seq.add(doc.createNode({ ...p, aims: p.aims.map((a) => ({ ...a })) }));
  }
  if (committees.length > 0) {
    const seq = listAt(doc, 'committees');
    for (const c of committees) seq.add(doc.createNode({ ...c }));
  }
  if (services.length > 0) {
    const seq = listAt(doc, 'services');
    for (const s of services) seq.add(doc.createNode(s));
  }
  return doc.toString({ lineWidth: 100 });
}

/** The list under a top-level key, made when absent; a new services: goes after committees:. */
function listAt(doc: Document, key: string): YAMLSeq {
  const seq = doc.get(key);
  if (isSeq(seq)) return seq;
  const made = new YAMLSeq();
  const map = doc.contents;
  if (isMap(map)) {
    const after = map.items.findIndex((p) => isScalar(p.key) && p.key.value === 'committees');
    const pair = doc.createPair(key, made);
    if (after >= 0) map.items.splice(after + 1, 0, pair);
    else map.items.push(pair);
  } else doc.set(key, made);
  return made;
}
