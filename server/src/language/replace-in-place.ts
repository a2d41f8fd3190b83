// A stretch of a long ordered list replaced where it stands. After a keystroke in a long deal
// most of its line starts and tokens stay as they were: copying or rebuilding the whole list item
// by item costs more than the edit itself (and fills fresh memory each time), while the items
// after the stretch only need to close up or make room.

/** Replaces `list[from, to)` with `fresh`, moving the items after it; returns where they now start. */
export function replaceInPlace<T>(list: T[], from: number, to: number, fresh: readonly T[]): number {
  const after = list.length - to;
  const grown = fresh.length - (to - from);
  const moved = from + fresh.length;
  if (grown > 0) {
    list.length += grown;
    for (let i = after - 1; i >= 0; i--) list[moved + i] = list[to + i];
  } else if (grown < 0) {
    for (let i = 0; i < after; i++) list[moved + i] = list[to + i];
    list.length += grown;
  }
  for (let i = 0; i < fresh.length; i++) list[from + i] = fresh[i];
  return moved;
}
