// How much work a computation does, counted rather than timed: the elements of every array it
// walks (with filter, some, find, map, forEach, includes, indexOf…, for…of or a spread). Counts
// are the same on every run and every machine, so a test can say "twice the deals, about twice
// the work" where a timing would only say "fast enough here, today".
const walks = ['filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'map', 'flatMap', 'forEach', 'reduce', 'includes', 'indexOf'] as const;

/** The array elements `run` walks, and what it returns. Not reentrant; restores arrays after. */
export function elementsWalked<T>(run: () => T): { walked: number; result: T } {
  const proto = Array.prototype as unknown as Record<string | symbol, (...args: unknown[]) => unknown>;
  const originals = new Map<string | symbol, (...args: unknown[]) => unknown>();
  let walked = 0;
  for (const name of [...walks, Symbol.iterator]) {
    const original = proto[name];
    originals.set(name, original);
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      walked += this.length;
      return original.apply(this, args);
    };
  }
  try {
    const result = run();
    return { walked, result };
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
}
