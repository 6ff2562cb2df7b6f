// Ant Design's run-time <style> elements, kept once made. Its rules come from the static
// stylesheet (see App.tsx), but each component type still registers its CSS variables at run
// time, in a <style> of its own, counted by the instances on screen: when the count fell to
// zero the element was removed, and the next instance inserted it again. Every insertion or
// removal restyles the whole document. The log-in, the shop picker and the inbox each removed
// and re-added the button's (a third of the CPU of the inbox's first commit went there), and
// every confirmation of a reply added the dialog's on opening and removed it as Send was clicked,
// in the frame the seller waits on.
import { createCache } from '@ant-design/cssinjs';

type Cache = ReturnType<typeof createCache>;
type Entry = NonNullable<ReturnType<Cache['opGet']>>;

/**
 * A style cache whose entries are never dropped: each entry's count of users is shown one
 * higher to the code that updates it, so it never sees the last user go (which is when it
 * removes the element) and the entry stays, at zero, for the next user to find.
 */
export function pinnedStyleCache(): Cache {
  const cache = createCache();
  const update = cache.opUpdate.bind(cache);
  cache.opUpdate = (key, valueFn) => {
    update(key, (prev) => {
      if (!prev) return valueFn(prev); // a new entry (Entity passes Map.get's undefined)
      const next: Entry | null = valueFn([prev[0] + 1, prev[1]]);
      return next === null ? null : [next[0] - 1, next[1]];
    });
  };
  return cache;
}
