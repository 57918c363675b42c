import { describe, expect, it } from 'vitest';
import { compareOrder, keyAfter, keyForPosition, keysForOrder } from './orderKeys';

function applyOrder(items: { id: string; orderKey: string | null }[], ids: string[]) {
  const moved = keysForOrder(ids, new Map(items.map((item) => [item.id, item.orderKey])));
  return { moved, items: items.map((item) => ({ ...item, orderKey: moved.get(item.id) ?? item.orderKey })) };
}

const order = (items: { id: string; orderKey: string | null }[]) => [...items].sort(compareOrder).map((item) => item.id);

describe('fractional order keys', () => {
  const list = ['ideal', 'paypal', 'card', 'cash', 'giftcard'].map((id, i) => ({ id, orderKey: keyForPosition(i) }));

  it('moves one item by changing that item alone', () => {
    const { moved, items } = applyOrder(list, ['cash', 'ideal', 'paypal', 'card', 'giftcard']);
    expect([...moved.keys()]).toEqual(['cash']);
    expect(order(items)).toEqual(['cash', 'ideal', 'paypal', 'card', 'giftcard']);
  });

  it('merges two reorders made offline on two workstations: both moves survive', () => {
    // Workstation A moves cash to the top, workstation B moves ideal to the bottom.
    const a = applyOrder(list, ['cash', 'ideal', 'paypal', 'card', 'giftcard']).moved;
    const b = applyOrder(list, ['paypal', 'card', 'cash', 'giftcard', 'ideal']).moved;
    const merged = list.map((item) => ({ ...item, orderKey: a.get(item.id) ?? b.get(item.id) ?? item.orderKey }));
    expect(order(merged)).toEqual(['cash', 'paypal', 'card', 'giftcard', 'ideal']);
  });

  it('gives items saved with a numeric position the keys of that position, and new items a key after the last', () => {
    expect(keyForPosition(0) < keyForPosition(1) && keyForPosition(61) < keyForPosition(62)).toBe(true);
    expect(keyAfter(keyForPosition(4)) > keyForPosition(4)).toBe(true);
    const reversed = applyOrder(list, [...list].reverse().map((item) => item.id));
    expect(order(reversed.items)).toEqual(['giftcard', 'cash', 'card', 'paypal', 'ideal']);
    expect(reversed.moved.size).toBe(4);
  });
});
