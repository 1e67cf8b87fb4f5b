import { parsePeriod } from '../model/periods.js';
import { UsageError } from './io.js';

const SHORT = /^(q[1-4]|h[12])$/i;

/**
 * A period typed as several words (`2025/26 Q3` without quotes reaches prf as two arguments) is
 * read as the words joined by a space; none means "the latest quarter with figures". Words that
 * are each a period of their own (`2025-26-Q2 2025-26-Q3`, `q2 q3`) are two periods, not one
 * period in two words: refused, since a command reports one period at a time.
 */
export function periodText(words: string[]): string | undefined {
  if (words.length === 0) return undefined;
  if (words.length > 1 && (words.every((w) => parsePeriod(w).ok) || words.every((w) => SHORT.test(w)))) {
    throw new UsageError(`${words.join(' ')}: give one period, not ${words.length}; run the command once for each period`);
  }
  return words.join(' ');
}
