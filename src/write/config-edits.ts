/**
 * Adds committees to prf.yaml's text, keeping every comment, blank line and key order the
 * officer wrote: the yaml Document API edits the parsed document rather than rewriting the
 * file from data. Pure.
 */
import { isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { Committee } from '../model/config.js';

export function addCommittees(text: string, committees: readonly Committee[]): string {
  if (committees.length === 0) return text;
  const doc = parseDocument(text);
  let seq = doc.get('committees');
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    doc.set('committees', seq);
  }
  for (const c of committees) (seq as YAMLSeq).add(doc.createNode({ ...c }));
  return doc.toString({ lineWidth: 100 });
}
