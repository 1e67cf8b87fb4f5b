import { closest, distance } from 'fastest-levenshtein';

/** The nearest candidate to a mistyped word, if it is near enough to be a plausible typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || input.length === 0) return undefined;
  const lower = input.toLowerCase();
  const exactCase = candidates.find((c) => c.toLowerCase() === lower);
  if (exactCase) return exactCase;
  const best = closest(
    lower,
    candidates.map((c) => c.toLowerCase()),
  );
  const bestIndex = candidates.findIndex((c) => c.toLowerCase() === best);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(lower, best) <= limit ? candidates[bestIndex] : undefined;
}

export function suggestion(input: string, candidates: readonly string[]): string {
  const s = didYouMean(input, candidates);
  return s ? ` Did you mean "${s}"?` : '';
}
