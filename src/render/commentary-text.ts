/**
 * A period's commentary file with skeleton entries added, keeping everything already written,
 * comments included (the yaml Document API edits the parsed file rather than rewriting it).
 * Pure: the existing text in, the new text out.
 */
import { Document, isMap, parseDocument, YAMLMap } from 'yaml';
import type { Skeleton } from '../core/commentary-skeleton.js';

function addTo(doc: Document, skeletons: readonly Skeleton[]): void {
  let kpis = doc.get('kpis');
  if (!isMap(kpis)) {
    kpis = new YAMLMap();
    doc.set('kpis', kpis);
  }
  for (const s of skeletons) {
    const node = doc.createNode(s.fields);
    const pair = doc.createPair(s.id, node);
    (pair.key as { commentBefore?: string }).commentBefore = s.context.map((l) => ` ${l}`).join('\n');
    (kpis as YAMLMap).items.push(pair);
  }
}

export function commentaryText(existing: string | null, period: string, skeletons: readonly Skeleton[], schemaPath: string | null): string {
  if (existing !== null) {
    const doc = parseDocument(existing);
    addTo(doc, skeletons);
    return doc.toString({ lineWidth: 100 });
  }
  const doc = new Document({});
  doc.set('period', period);
  addTo(doc, skeletons);
  doc.set('achievements', doc.createNode([]));
  doc.set('forwardLook', doc.createNode([]));
  doc.commentBefore = [
    ...(schemaPath ? [` yaml-language-server: $schema=${schemaPath}`, ''] : []),
    ` Commentary for ${period}. Fill each blank (''); prf validate names any left. achievements and`,
    ' forwardLook take { text, kpi } notes for the covering report.',
  ].join('\n');
  return doc.toString({ lineWidth: 100 });
}
