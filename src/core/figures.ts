/**
 * Figures as they are printed. Status, trend and the 70% check all compare figures rounded to the
 * KPI's decimal places, so the colour beside a figure always agrees with the figure itself.
 */

const POWERS: readonly number[] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** Moves the decimal point by editing the number's text, which is exact where `x * 10 ** n` is not. */
function shiftPoint(x: number, places: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds half away from zero at `decimals` places, on the number's shortest decimal text rather
 * than its binary value: `1.005` is stored as 1.00499999..., so `Math.round(1.005 * 100) / 100`
 * gives 1 where a person (and this function) gives 1.01.
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  // Fast path: away from a half, binary noise cannot change which way the figure rounds, and an
  // integer over a power of ten is the nearest double to that decimal, as the text route gives.
  const scale = POWERS[decimals];
  if (scale !== undefined) {
    const scaled = Math.abs(x) * scale;
    const fraction = scaled - Math.floor(scaled);
    if (Math.abs(fraction - 0.5) > 1e-6 && scaled < 1e15) {
      const rounded = Math.round(scaled) / scale;
      return (x < 0 ? -rounded : rounded) || 0;
    }
  }
  const rounded = shiftPoint(Math.round(shiftPoint(Math.abs(x), decimals)), -decimals);
  // `|| 0` turns -0 into 0, so a tiny negative figure never prints as "-0.0".
  return (x < 0 ? -rounded : rounded) || 0;
}

/** The rounded figure as an integer count of its last printed place (96.4 at 1 dp is 964). */
export function toPrintedUnits(x: number, decimals: number): number {
  return Math.round(shiftPoint(roundTo(x, decimals), decimals));
}

/** Fixed-point text of the rounded figure: what every report prints. */
export function formatFixed(x: number, decimals: number): string {
  return roundTo(x, decimals).toFixed(decimals);
}

/** Removes binary noise from computed sums and ratios (0.1 + 0.2 is 0.3, not 0.30000000000000004). */
export function tidy(x: number): number {
  return Number(x.toPrecision(15));
}

function groupThousands(fixed: string): string {
  const [whole = '', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

export interface FigureStyle {
  unit: 'percentage' | 'number' | 'days' | 'currency' | 'rate';
  unitLabel?: string | undefined;
  decimals: number;
}

/** A figure with its unit, as a sentence would say it: `96.4%`, `38.50 days`, `£1,234`, `3.2 per 1,000 homes`. */
export function formatFigure(x: number, style: FigureStyle): string {
  const text = groupThousands(formatFixed(x, style.decimals));
  switch (style.unit) {
    case 'percentage':
      return `${text}%`;
    case 'currency':
      return text.startsWith('-') ? `-£${text.slice(1)}` : `£${text}`;
    case 'days':
      return `${text} ${style.unitLabel ?? 'days'}`;
    default:
      return style.unitLabel ? `${text} ${style.unitLabel}` : text;
  }
}
