/**
 * Puts benchmarks into a dictionary entry's YAML text as an edit a person could have made: only
 * the `benchmarks:` block changes, every other byte (comments, folded text, key order, line
 * ends) stays as it was. A benchmark for the same year and peer group as one already listed
 * replaces it where it stands; others are added at the end of the list; listed benchmarks from
 * other sources are kept, comments and all. Pure.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, Pair, type Node } from 'yaml';
import type { Benchmark } from '../model/kpi.js';

export type BenchmarkEdit = { ok: true; text: string; changed: boolean; added: number; replaced: number } | { ok: false; message: string };

const sameSlot = (a: { year?: unknown; group?: unknown }, b: Benchmark) => a.year === b.year && a.group === b.group;

export function withBenchmarks(text: string, incoming: readonly Benchmark[]): BenchmarkEdit {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { ok: false, message: `it cannot be parsed (${doc.errors[0]!.message.split('\n')[0]})` };
  if (!isMap(doc.contents)) return { ok: false, message: 'it is not a mapping of keys to values' };
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'benchmarks');
  const old = pair?.value;
  if (pair && old !== null && old !== undefined && !isSeq(old) && !(isScalar(old) && old.value === null))
    return { ok: false, message: 'its benchmarks: is not a list' };
  const oldItems = isSeq(old) ? (old.items as Node[]) : [];

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const seq = new YAMLSeq();
  // Comments on the list itself (above its first item, after its last) stay with it.
  if (isSeq(old)) [seq.commentBefore, seq.comment, seq.spaceBefore] = [old.commentBefore, old.comment, old.spaceBefore];
  let replaced = 0;
  let changed = false;
  const used = new Set<Benchmark>();
  for (const item of oldItems) {
    const value = (item as { toJSON?: () => unknown }).toJSON?.() as Record<string, unknown> | undefined;
    const b = value ? incoming.find((x) => sameSlot(value, x)) : undefined;
    if (b) {
      used.add(b);
      replaced++;
      const node = doc.createNode(b);
      node.commentBefore = item.commentBefore;
      if (JSON.stringify(value) !== JSON.stringify(b)) changed = true;
      seq.items.push(node);
    } else seq.items.push(item);
  }
  const added = incoming.filter((b) => !used.has(b));
  for (const b of added) seq.items.push(doc.createNode(b));
  if (added.length > 0) changed = true;
  if (!changed) return { ok: true, text, changed: false, added: 0, replaced };

  const block = new Document(new YAMLMap());
  (block.contents as YAMLMap).items.push(new Pair(new Scalar('benchmarks'), seq));
  const rendered = block.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n').join(eol);
  if (pair) {
    const start = (pair.key as Node).range![0];
    const end = old && (old as Node).range ? (old as Node).range![1] : (pair.key as Node).range![1];
    // A block list's range ends after its last line break; keep that break outside the splice.
    const tail = text.slice(start, end).match(/(\r?\n)+$/)?.[0] ?? '';
    return { ok: true, text: text.slice(0, start) + rendered + tail + text.slice(end), changed, added: added.length, replaced };
  }
  const changes = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'changes');
  if (changes) {
    const at = (changes.key as Node).range![0];
    return { ok: true, text: `${text.slice(0, at)}${rendered}${eol}${eol}${text.slice(at)}`, changed, added: added.length, replaced };
  }
  const sep = text === '' || text.endsWith('\n') ? '' : eol;
  return { ok: true, text: `${text}${sep}${eol}${rendered}${eol}`, changed, added: added.length, replaced };
}
