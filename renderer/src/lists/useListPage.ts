import { useEffect, useRef, useState, type RefObject } from 'react';

const rowsPerPage = 25;

/**
 * The page a list table shows, kept here rather than inside antd's table so that a row moved over
 * a page's edge (Omhoog on the first row of page 2) can be followed: the table turns to the page
 * the row is now on and its Acties button takes the focus again, instead of the row vanishing
 * from under the keyboard and the focus falling back to the page. `list` holds the table; rows
 * carry antd's `data-row-key`, the Acties buttons `data-row-menu`.
 */
export function useListPage(list: RefObject<HTMLElement | null>, rowCount: number) {
  const [page, setPage] = useState(1);
  const following = useRef<string | null>(null);
  // Fewer rows than before (a removal, a search): the last page there still is, as antd's own paging did.
  const current = Math.min(page, Math.max(1, Math.ceil(rowCount / rowsPerPage)));

  useEffect(() => {
    const id = following.current;
    if (!id) return;
    following.current = null;
    // Only where the move left it: the moved row's old button is gone, so the focus is on the page.
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    list.current?.querySelector<HTMLElement>(`tr[data-row-key="${CSS.escape(id)}"] [data-row-menu]`)?.focus();
  });

  return {
    pagination: rowCount > rowsPerPage ? { pageSize: rowsPerPage, current, onChange: (next: number) => setPage(next) } : (false as const),
    /** Row `id` now stands at `index` of all the rows: show its page if that is another one. */
    follow(id: string, index: number | null): void {
      if (index === null) return;
      const target = Math.floor(index / rowsPerPage) + 1;
      if (target === current) return;
      following.current = id;
      setPage(target);
    },
  };
}
