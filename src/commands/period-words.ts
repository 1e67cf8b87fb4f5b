/**
 * A period typed as several words (`2025/26 Q3` without quotes reaches prf as two arguments) is
 * read as the words joined by a space; none means "the latest quarter with figures".
 */
export function periodText(words: string[]): string | undefined {
  return words.length === 0 ? undefined : words.join(' ');
}
