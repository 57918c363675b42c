import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Ordered lists (payment methods, shipping methods) keep a fractional order key per item
 * instead of an index: moving one item changes that item's key alone, so two workstations that
 * reorder offline send one change each and the merged order keeps both moves instead of the
 * last writer renumbering everything. Keys compare as plain strings; ties (two workstations
 * choosing the same key) fall back to the item id, so every workstation shows the same order.
 */

const legacyKeys: string[] = [];

/** Items saved before order keys had a numeric `position`; they read as the same sequence of keys. */
export function keyForPosition(position: number): string {
  const index = Math.max(0, Math.floor(position));
  if (legacyKeys.length <= index) legacyKeys.push(...generateNKeysBetween(legacyKeys.at(-1) ?? null, null, index + 1 - legacyKeys.length));
  return legacyKeys[index] as string;
}

/** The key stored on an item, or the one its old numeric position stands for. */
export function orderKeyOf(data: Readonly<Record<string, unknown>>): string | null {
  if (typeof data.orderKey === 'string') return data.orderKey;
  return typeof data.position === 'number' ? keyForPosition(data.position) : null;
}

export function compareOrder(a: { orderKey: string | null; id: string }, b: { orderKey: string | null; id: string }): number {
  const [x, y] = [a.orderKey ?? '', b.orderKey ?? ''];
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A key after every given key: where a new item goes. */
export function keyAfter(last: string | null): string {
  return generateKeyBetween(last, null);
}

/** Indexes of a longest strictly increasing run of keys: the items that can stay where they are. */
function longestIncreasing(keys: readonly string[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(keys.length).fill(-1);
  keys.forEach((key, i) => {
    let [low, high] = [0, tails.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((keys[tails[mid] as number] as string) < key) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] as number) kept.add(i);
  return kept;
}

/**
 * New keys for the items that must move so the list reads in `ids` order; every other item
 * keeps its key. `current` maps each id to its key now.
 */
export function keysForOrder(ids: readonly string[], current: ReadonlyMap<string, string | null>): Map<string, string> {
  const keys = ids.map((id) => current.get(id) ?? '');
  const kept = longestIncreasing(keys);
  // An item without a key always gets one.
  for (const index of [...kept]) if (keys[index] === '') kept.delete(index);
  const moved = new Map<string, string>();
  let before: string | null = null;
  ids.forEach((id, i) => {
    if (kept.has(i)) {
      before = keys[i] as string;
      return;
    }
    let next: string | null = null;
    for (let j = i + 1; j < ids.length; j += 1) {
      if (kept.has(j)) {
        next = keys[j] as string;
        break;
      }
    }
    before = generateKeyBetween(before, next);
    moved.set(id, before);
  });
  return moved;
}
