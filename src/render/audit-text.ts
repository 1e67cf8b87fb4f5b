import { escapeMarkdown } from './markdown-escape.js';
import type { HistoryEntry } from '../core/kpi-history.js';
import type { OutturnChange } from '../core/outturn-changes.js';
import type { WorkspaceDiff } from '../core/semantic-diff.js';
import { counted } from '../text/plural.js';

export type AuditFormat = 'text' | 'md' | 'json';

/** One section of a diff: a heading and its lines, grouped under a KPI where they belong to one. */
interface Section {
  heading: string;
  groups: Array<{ title: string | null; lines: string[] }>;
}

/** New figures are routine (every month brings some): counted per KPI, while everything else is listed. */
function outturnGroups(changes: readonly OutturnChange[]): Section['groups'] {
  const byKpi = new Map<string, OutturnChange[]>();
  for (const c of changes) byKpi.set(c.kpi, [...(byKpi.get(c.kpi) ?? []), c]);
  return [...byKpi].map(([kpi, list]) => {
    const added = list.filter((c) => c.kind === 'added');
    const lines = list.filter((c) => c.kind !== 'added').map((c) => c.words);
    if (added.length > 0)
      lines.push(added.length === 1 ? added[0]!.words : `${added.length} figures added (${added[0]!.period} to ${added[added.length - 1]!.period})`);
    return { title: kpi, lines };
  });
}

function diffSections(d: WorkspaceDiff): Section[] {
  const sections: Section[] = [
    { heading: 'KPIs added', groups: [{ title: null, lines: d.added.map((k) => `${k.id} ${k.name} (${k.file})`) }] },
    { heading: 'KPIs removed', groups: [{ title: null, lines: d.removed.map((k) => `${k.id} ${k.name} (${k.file})`) }] },
    {
      heading: 'Dictionary changes',
      groups: d.edited.map((e) => ({
        title: e.id,
        lines: [
          ...(e.renamedFrom ? [`renamed from ${e.renamedFrom}`] : []),
          ...(e.movedFrom ? [`moved from ${e.movedFrom} to ${e.file}`] : []),
          ...e.changes.map((c) => c.words),
          ...e.recorded,
        ],
      })),
    },
    { heading: 'Settings (prf.yaml)', groups: [{ title: null, lines: d.config }] },
    { heading: 'Outturns', groups: outturnGroups(d.outturns) },
    { heading: 'Commentary', groups: d.commentary.map((c) => ({ title: c.kpi, lines: [c.words] })) },
    { heading: 'Status changes in quarters already reported', groups: d.statusChanges.map((s) => ({ title: s.kpi, lines: [s.words] })) },
  ];
  return sections.filter((s) => s.groups.some((g) => g.lines.length > 0));
}

function merged(groups: Section['groups']): Section['groups'] {
  const out: Section['groups'] = [];
  for (const g of groups) {
    const last = out[out.length - 1];
    if (last && last.title === g.title) last.lines.push(...g.lines);
    else out.push({ title: g.title, lines: [...g.lines] });
  }
  return out;
}

export interface DiffHeader {
  from: { rev: string; commit: string | null };
  to: { rev: string; commit: string | null };
  dirty: string[];
}

export function formatDiff(d: WorkspaceDiff, header: DiffHeader, format: AuditFormat): string {
  if (format === 'json') return `${JSON.stringify({ ...header, ...d }, null, 2)}\n`;
  const title = `${header.from.rev} -> ${header.to.rev}`;
  const sections = diffSections(d);
  const md = format === 'md';
  const esc = md ? escapeMarkdown : (s: string) => s;
  const lines: string[] = [md ? `# Changes: ${esc(title)}` : `Changes ${title}`];
  if (header.dirty.length > 0) lines.push(`Includes uncommitted changes in ${counted(header.dirty.length, 'file')}: ${esc(header.dirty.join(', '))}`);
  if (sections.length === 0) lines.push('No changes to the dictionary, settings, outturns or commentary.');
  for (const s of sections) {
    lines.push('', md ? `## ${s.heading}` : `${s.heading}:`);
    if (md) lines.push('');
    for (const g of merged(s.groups)) {
      if (g.title === null) for (const l of g.lines) lines.push(md ? `- ${esc(l)}` : `  ${l}`);
      else if (md) lines.push(`- **${esc(g.title)}**: ${g.lines.map(esc).join('; ')}`);
      else {
        lines.push(`  ${g.title}`);
        for (const l of g.lines) lines.push(`    ${l}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface HistoryHeader {
  kpi: string;
  file: string;
  shallow: boolean;
  dirty: string[];
  /** The KPI's recorded process changes as the dictionary holds them now, oldest first. */
  processChanges?: ReadonlyArray<{ date: string; change: string; decidedBy: string; rebase: boolean }>;
}

/** A first load of years of figures reads as one line, not hundreds; restatements stay listed. */
function collapseAdded(changes: readonly string[]): string[] {
  const added = changes.filter((c) => / outturn added: /.test(c));
  if (added.length <= 3) return [...changes];
  const period = (c: string) => c.split(' outturn added')[0];
  return [...changes.filter((c) => !added.includes(c)), `${added.length} figures added (${period(added[0]!)} to ${period(added[added.length - 1]!)})`];
}

export function formatHistory(entries: readonly HistoryEntry[], header: HistoryHeader, format: AuditFormat): string {
  if (format === 'json') return `${JSON.stringify({ ...header, commits: entries }, null, 2)}\n`;
  const md = format === 'md';
  const esc = md ? escapeMarkdown : (s: string) => s;
  const lines: string[] = [md ? `# History of ${esc(header.kpi)}` : `History of ${header.kpi} (${header.file}), newest first`];
  const changes = header.processChanges ?? [];
  if (changes.length > 0) {
    lines.push('', md ? '## Process changes' : 'Process changes recorded in the dictionary, oldest first:');
    if (md) lines.push('');
    for (const c of changes) {
      const text = `${c.date}  ${c.change} (decided by ${c.decidedBy})${c.rebase ? '; control limits start again here' : ''}`;
      lines.push(md ? `- ${esc(text)}` : `  ${text}`);
    }
    lines.push('', md ? '## Commits' : 'Commits, newest first:');
  }
  if (entries.length === 0) lines.push('No commits have changed this KPI or its figures.');
  for (const e of entries) {
    const head = `${e.date}  ${e.commit.slice(0, 7)}  ${e.author}  "${e.subject}"`;
    lines.push('', md ? `## ${esc(head)}` : head);
    if (md) lines.push('');
    for (const c of collapseAdded(e.changes)) lines.push(md ? `- ${esc(c)}` : `  ${c}`);
  }
  return `${lines.join('\n')}\n`;
}
