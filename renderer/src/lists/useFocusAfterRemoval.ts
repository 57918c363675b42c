import { useEffect, useRef } from 'react';
import type { ListItem } from '../../../domain/lists/listItem';

interface Removal {
  removed: string;
  /** The row whose Acties button takes the focus: the next one, else the one before, else none (the list is empty). */
  next: string | null;
  /** Where the closing confirmation put the focus back (the removed row's Acties button); null while it is open. */
  returnPoint: Element | null;
  dialogClosed: boolean;
}

/** The manager has gone on (a key, a click, the focus somewhere else): a removal that lands later moves nothing. */
const goingOn = ['keydown', 'pointerdown', 'focusin'] as const;

/**
 * Where the keyboard focus goes once a row is removed: to the Acties button of the row that took
 * its place (the next row, or the one before when the last row went), or to the list's add button
 * when the list is now empty, instead of falling back to the page. `list` is the element holding
 * the table and its toolbar; rows carry antd's `data-row-key`, the Acties buttons
 * `data-row-menu`, the add button's place `data-list-add`. The focus moves only while it is still
 * where the removal left it: a row that lingers (a slow or failed refetch) must not pull the
 * focus out of the search box the manager went on to type in.
 */
export function useFocusAfterRemoval(items: readonly ListItem[]) {
  const list = useRef<HTMLDivElement>(null);
  const pending = useRef<Removal | null>(null);
  const current = useRef(items);
  // The listener for the manager going on, kept so that any render's forget() can take it off again.
  const listening = useRef<((event: Event) => void) | null>(null);

  function forget(): void {
    pending.current = null;
    const listener = listening.current;
    listening.current = null;
    if (listener) for (const event of goingOn) document.removeEventListener(event, listener, true);
  }

  function settle(): void {
    const removal = pending.current;
    if (!removal?.dialogClosed || current.current.some((item) => item.id === removal.removed)) return;
    const focused = document.activeElement;
    const stillThere = focused === null || focused === document.body || focused === removal.returnPoint;
    forget();
    if (!stillThere) return;
    const root = list.current;
    const row = removal.next ? root?.querySelector<HTMLElement>(`tr[data-row-key="${CSS.escape(removal.next)}"] [data-row-menu]`) : null;
    // No add button (a role that may not add): the list's search box, still within the list.
    (row ?? root?.querySelector<HTMLElement>('[data-list-add] button') ?? root?.querySelector<HTMLElement>('input'))?.focus();
  }

  useEffect(() => {
    current.current = items;
    settle();
  });

  useEffect(() => forget, []);

  return {
    list,
    /** The user confirmed removing `id` from the rows shown in this order. */
    removing(id: string, shown: readonly ListItem[]): void {
      forget();
      const at = shown.findIndex((item) => item.id === id);
      pending.current = { removed: id, next: shown[at + 1]?.id ?? shown[at - 1]?.id ?? null, returnPoint: null, dialogClosed: false };
    },
    /** The confirmation has closed and handed the focus back; from now on the manager's next step cancels the move. */
    dialogClosed(): void {
      const removal = pending.current;
      if (!removal) return;
      removal.dialogClosed = true;
      removal.returnPoint = document.activeElement;
      settle();
      if (!pending.current) return;
      const listener = (event: Event) => {
        // The focus arriving back on the return point is the dialog handing it back, not the manager moving on.
        if (!(event.type === 'focusin' && event.target === removal.returnPoint)) forget();
      };
      listening.current = listener;
      for (const event of goingOn) document.addEventListener(event, listener, true);
    },
    /** The removal was refused: the focus stays where the dialog put it back. */
    refused: forget,
  };
}
