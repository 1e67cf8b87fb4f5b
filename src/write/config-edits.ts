/**
 * Adds committees and services to prf.yaml's text, keeping every comment, blank line and key order the
 * officer wrote: the yaml Document API edits the parsed document rather than rewriting the
 * file from data. Pure.
 */
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';
import type { Committee } from '../model/config.js';

export function addCommittees(text: string, committees: readonly Committee[]): string {
  return addToConfig(text, { committees });
}

/** Adds committees and services (a services: list is made after committees: when there is none). */
export function addToConfig(text: string, add: { committees?: readonly Committee[]; services?: readonly string[] }): string {
  const committees = add.committees ?? [];
  const services = add.services ?? [];
  if (committees.length === 0 && services.length === 0) return text;
  const doc = parseDocument(text);
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
