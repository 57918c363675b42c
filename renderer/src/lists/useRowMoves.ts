import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../../../domain/result';
import type { ListItem } from '../../../domain/lists/listItem';
import { api, useReorderItemsMutation } from '../store/api';
import { useAppDispatch } from '../store/store';

type Answer = Awaited<ReturnType<ReturnType<typeof useReorderItemsMutation>[0]>> | { error: Failure };

/** The items in the asked-for order; an item the order does not name yet (just added elsewhere) goes last. */
function inOrder(items: readonly ListItem[], ids: readonly string[]): ListItem[] {
  const place = new Map(ids.map((id, index) => [id, index]));
  return [...items].sort((a, b) => (place.get(a.id) ?? ids.length) - (place.get(b.id) ?? ids.length));
}

/**
 * Moving rows up and down ("Omhoog", "Omlaag"). A press moves the row from where the user last
 * put it, even while the answer to the press before is still on its way: the asked-for order is
 * shown at once, and the moves go to the back end one after the other, each naming the whole
 * order. Two quick presses therefore move a row two places, in the order they were made.
 */
export function useRowMoves(collection: string, items: readonly ListItem[], report: (answer: Answer) => Promise<unknown>) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [reorder] = useReorderItemsMutation();
  const [asked, setAsked] = useState<readonly string[] | null>(null);
  // The same order for the next press, which may come before React has drawn the last one.
  const latest = useRef<readonly string[] | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  /** Answers where the row now stands among all rows (null: it could not move), so the table can follow it to another page. */
  function move(id: string, by: -1 | 1): number | null {
    const base = latest.current ?? items.map((item) => item.id);
    const from = base.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= base.length) return null;
    const ids = [...base];
    ids.splice(from, 1);
    ids.splice(to, 0, id);
    latest.current = ids;
    setAsked(ids);
    queue.current = queue.current
      .then(async () => {
        const answer = await reorder({ collection, ids });
        // The last move's answer is the list as stored: shown before the asked-for order is let go, so no row jumps back meanwhile.
        if (latest.current === ids && 'data' in answer && answer.data) dispatch(api.util.updateQueryData('listItems', { collection }, () => answer.data));
        await report(answer);
        letGo(ids);
      })
      // A step that throws (today only an answer not shaped as the host answers can make one)
      // must neither stop the moves after it nor go unheard: the manager is told as for any
      // refused list action, and the table shows the order as stored (the reorder refetches it).
      .catch(async () => {
        letGo(ids);
        await report({ error: { code: 'move_failed', message: t('list.moveFailed') } });
      });
    return to;
  }

  /** After the last move asked for, the table shows the rows as the cache has them again. */
  function letGo(ids: readonly string[]): void {
    if (latest.current !== ids) return;
    latest.current = null;
    setAsked(null);
  }

  return { ordered: asked ? inOrder(items, asked) : [...items], move };
}
