// A re-read returns new objects even where nothing changed; memoized rows and messages would
// all re-render. These keep the previous object wherever the new one has the same content.

/** Same JSON content (the bridge's data is plain JSON, so this is exact). */
export function sameContent(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** `next`, with each item replaced by the previous one of the same key when equal. */
export function keepUnchangedItems<T>(
  prev: readonly T[],
  next: T[],
  key: (item: T) => string | number,
): T[] {
  if (prev.length === 0) return next;
  const byKey = new Map(prev.map((item) => [key(item), item]));
  const out = next.map((item) => {
    const old = byKey.get(key(item));
    return old !== undefined && sameContent(old, item) ? old : item;
  });
  // All the same and in the same order: the previous array itself.
  return out.length === prev.length && out.every((item, i) => item === prev[i])
    ? (prev as T[])
    : out;
}
