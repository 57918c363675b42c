import { useEffect, useRef } from 'react';
import type { ListItem } from '../../../domain/lists/listItem';

interface Removal {
  removed: string;
  /** The row whose Acties button takes the focus: the next one, else the one before, else none (the list is empty). */
  next: string | null;
  /** The confirmation hands the focus back to the removed row's button as it closes; the move comes after that. */
  dialogClosed: boolean;
}

/**
 * Where the keyboard focus goes once a row is removed: to the Acties button of the row that took
 * its place (the next row, or the one before when the last row went), or to the list's add button
 * when the list is now empty, instead of falling back to the page. `list` is the element holding
 * the table and its toolbar; rows carry antd's `data-row-key`, the Acties buttons
 * `data-row-menu`, the add button's place `data-list-add`.
 */
export function useFocusAfterRemoval(items: readonly ListItem[]) {
  const list = useRef<HTMLDivElement>(null);
  const pending = useRef<Removal | null>(null);
  const current = useRef(items);

  function settle(): void {
    const removal = pending.current;
    if (!removal?.dialogClosed || current.current.some((item) => item.id === removal.removed)) return;
    pending.current = null;
    const root = list.current;
    const row = removal.next ? root?.querySelector<HTMLElement>(`tr[data-row-key="${CSS.escape(removal.next)}"] [data-row-menu]`) : null;
    // No add button (a role that may not add): the list's search box, still within the list.
    (row ?? root?.querySelector<HTMLElement>('[data-list-add] button') ?? root?.querySelector<HTMLElement>('input'))?.focus();
  }

  useEffect(() => {
    current.current = items;
    settle();
  });

  return {
    list,
    /** The user confirmed removing `id` from the rows shown in this order. */
    removing(id: string, shown: readonly ListItem[]): void {
      const at = shown.findIndex((item) => item.id === id);
      pending.current = { removed: id, next: shown[at + 1]?.id ?? shown[at - 1]?.id ?? null, dialogClosed: false };
    },
    dialogClosed(): void {
      if (pending.current) pending.current.dialogClosed = true;
      settle();
    },
    /** The removal was refused: the focus stays where the dialog put it back. */
    refused(): void {
      pending.current = null;
    },
  };
}
