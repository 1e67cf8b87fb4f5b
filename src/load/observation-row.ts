import type { Period } from '../model/periods.js';
import type { Observation, Origin } from '../model/workspace.js';

/** A period as named in a file, parsed once and shared by every row naming it. */
export interface NamedPeriod {
  period: Period;
  name: string;
}

/** What consecutive rows of a file mostly have in common: the file, who reviewed them, no note. */
interface RowContext {
  file: string;
  reviewedBy: string | null;
  note: string | null;
  /** Not-applicable rows are few, so the flag lives here rather than costing every row a field. */
  notApplicable: boolean;
}

/*
 * A million rows are a million of these, and on 64-bit Node each field is 8 bytes. What rows
 * share (their period, and their file with reviewer and note) is therefore held once and
 * pointed to, which keeps a row at seven fields rather than ten; the Observation fields are
 * read through getters.
 */
class Row implements Observation {
  constructor(
    readonly kpi: string,
    private readonly at: NamedPeriod,
    readonly value: number | null,
    readonly numerator: number | null,
    readonly denominator: number | null,
    private readonly context: RowContext,
    private readonly line: number,
  ) {}

  get period(): Period {
    return this.at.period;
  }

  get periodName(): string {
    return this.at.name;
  }

  get reviewedBy(): string | null {
    return this.context.reviewedBy;
  }

  get note(): string | null {
    return this.context.note;
  }

  get notApplicable(): boolean {
    return this.context.notApplicable;
  }

  get origin(): Origin {
    return { file: this.context.file, line: this.line };
  }
}

let lastContext: RowContext = { file: '', reviewedBy: null, note: null, notApplicable: false };

/**
 * An observation read at `line` of `file`. `reviewedBy` and `note` must not be slices of the
 * file's text (a slice keeps the whole text alive): the caller passes flattened copies.
 */
export function observationRow(
  kpi: string,
  at: NamedPeriod,
  figures: { value: number | null; numerator: number | null; denominator: number | null; notApplicable?: boolean },
  file: string,
  line: number,
  reviewedBy: string | null,
  note: string | null,
): Observation {
  const c = lastContext;
  const notApplicable = figures.notApplicable === true;
  // A row with a note, or not applicable, has a context of its own; others share the last one while it fits.
  if (note !== null || notApplicable || c.file !== file || c.reviewedBy !== reviewedBy || c.note !== null || c.notApplicable) {
    lastContext = { file, reviewedBy, note, notApplicable };
  }
  return new Row(kpi, at, figures.value, figures.numerator, figures.denominator, lastContext, line);
}
