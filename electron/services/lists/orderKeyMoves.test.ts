import { describe, expect, it } from 'vitest';
import { compareOrder, keyForPosition, keysForOrder, orderKeyOf } from './orderKeys';

/** Every order of the given items. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** The length of a longest strictly increasing run: how many items a reorder can leave where they are. */
function stayCount(keys: readonly string[]): number {
  const best = keys.map(() => 1);
  keys.forEach((key, i) => {
    for (let j = 0; j < i; j += 1) if (keys[j]! < key) best[i] = Math.max(best[i]!, best[j]! + 1);
  });
  return Math.max(0, ...best);
}

describe('moving items in an ordered list', () => {
  const current = new Map([
    ['pin', 'a0'],
    ['contant', 'a1'],
    ['ideal', 'a2'],
    ['paypal', 'a3'],
    ['klarna', 'a4'],
  ]);

  it('reads in the asked order after every possible reorder, and moves only the items that must move', () => {
    for (const ids of permutations([...current.keys()])) {
      const moved = keysForOrder(ids, current);
      const keyOf = (id: string) => moved.get(id) ?? current.get(id)!;
      const shown = ids.map((id) => ({ id, orderKey: keyOf(id) })).sort(compareOrder).map((item) => item.id);
      expect(shown, ids.join()).toEqual(ids);
      expect(moved.size, ids.join()).toBe(ids.length - stayCount(ids.map((id) => current.get(id)!)));
    }
  });

  it('gives two items that share a key (chosen on two workstations at once) keys in the asked order', () => {
    const tied = new Map([
      ['x', 'a1'],
      ['y', 'a1'],
    ]);
    const moved = keysForOrder(['y', 'x'], tied);
    expect(moved.size).toBe(1);
    const keyOf = (id: string) => moved.get(id) ?? tied.get(id)!;
    expect(keyOf('y') < keyOf('x')).toBe(true);
  });

  it('gives every item without a key one, even where it already stands', () => {
    const moved = keysForOrder(['nieuw', 'pin'], new Map([['pin', 'a0'], ['nieuw', null]]));
    expect([...moved.keys()]).toEqual(['nieuw']);
    expect(moved.get('nieuw')! < 'a0').toBe(true);
    expect(keysForOrder(['eerste'], new Map([['eerste', null]])).get('eerste')).toEqual(expect.any(String));
  });
});

describe('the order of items with equal or no keys', () => {
  it('falls back to the item id, so every workstation shows the same order', () => {
    const a = { id: 'a', orderKey: 'a1' };
    const b = { id: 'b', orderKey: 'a1' };
    expect(compareOrder(a, b)).toBe(-1);
    expect(compareOrder(b, a)).toBe(1);
    expect(compareOrder(a, { ...a })).toBe(0);
    expect(compareOrder({ id: 'z', orderKey: null }, { id: 'a', orderKey: 'a0' })).toBe(-1);
    expect(compareOrder({ id: 'a', orderKey: 'a1' }, { id: 'z', orderKey: 'a0' })).toBe(1);
  });
});

describe('items saved with a numeric position', () => {
  it('read as the same increasing keys whichever position is asked first; fractions and negatives as the position below', () => {
    const fifth = keyForPosition(5);
    const second = keyForPosition(1);
    expect(second < fifth).toBe(true);
    expect(keyForPosition(5)).toBe(fifth);
    expect(keyForPosition(1.8)).toBe(second);
    expect(keyForPosition(-3)).toBe(keyForPosition(0));
    expect(keyForPosition(0) < second).toBe(true);
  });

  it('take the stored order key first, then the position, else none', () => {
    expect(orderKeyOf({ orderKey: 'a5', position: 0 })).toBe('a5');
    expect(orderKeyOf({ position: 2 })).toBe(keyForPosition(2));
    expect(orderKeyOf({ position: '2' })).toBeNull();
    expect(orderKeyOf({})).toBeNull();
  });
});
