/** "1 figure", "3 figures"; `many` for words whose plural is not the word and an s ("1 entry", "2 entries"). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The word alone, for sentences where the number stands elsewhere ("the figure was" / "the figures were"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
