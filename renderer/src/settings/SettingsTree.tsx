import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsTree } from '../../../domain/settings/tree';
import type { TreeNode } from '../../../domain/settings/types';
import { useLang } from '../app/useLang';
import { useNavigation } from '../app/useNavigation';
import { useSession } from '../app/useSession';
import { useAppSelector } from '../store/store';
import { viewPermission } from './sections';
import { nextActive, visibleRows, type TreeRow } from './treeRows';

const itemId = (key: string) => `settings-tree-${key}`;

/**
 * The 15 sections in DOMAIN.md's order; a role sees only what it may open. A WAI-ARIA tree view,
 * flat (each line says its level and place, so a section's name is its own label only): the tree
 * holds the focus and points at the active line (aria-activedescendant); arrow keys move, Right
 * and Left open and close a section, Home and End jump, Enter or Space opens.
 * Plain markup instead of antd's Tree: it is the first thing drawn after sign-in, and antd's tree
 * (a virtual list, its generated styles) made up a third of the work before that first frame.
 */
export function SettingsTree() {
  const { t } = useTranslation();
  const lang = useLang();
  const { can } = useSession();
  const go = useNavigation();
  const section = useAppSelector((state) => state.ui.section);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [active, setActive] = useState<string | null>(null);

  const allowed = (nodes: readonly TreeNode[]): TreeNode[] =>
    nodes.filter((node) => can(viewPermission(node))).map((node) => (node.children ? { ...node, children: allowed(node.children) } : node));
  const nodes = allowed(settingsTree);
  const rows = visibleRows(nodes, collapsed);
  const current = rows.find((row) => row.node.key === active) ?? rows.find((row) => row.node.key === section) ?? rows[0];

  const toggle = (key: string, open: boolean) =>
    setCollapsed((before) => {
      const after = new Set(before);
      if (open) after.delete(key);
      else after.add(key);
      return after;
    });

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (!current) return;
    const { node, parent } = current;
    const hasChildren = (node.children?.length ?? 0) > 0;
    const open = hasChildren && !collapsed.has(node.key);
    if (event.key === 'Enter' || event.key === ' ') go(node.key);
    else if (event.key === 'ArrowRight' && hasChildren && !open) toggle(node.key, true);
    else if (event.key === 'ArrowLeft' && open) toggle(node.key, false);
    else if (event.key === 'ArrowLeft' && parent) setActive(parent);
    else {
      const next = nextActive(rows, current.node.key, event.key);
      if (next === null) return;
      setActive(next);
      document.getElementById(itemId(next))?.scrollIntoView({ block: 'nearest' });
    }
    event.preventDefault();
  }

  const item = (row: TreeRow) => {
    const { node } = row;
    const hasChildren = (node.children?.length ?? 0) > 0;
    const open = hasChildren && !collapsed.has(node.key);
    const selected = node.key === section;
    return (
      <li
        key={node.key}
        id={itemId(node.key)}
        role="treeitem"
        aria-level={row.level}
        aria-setsize={row.siblings}
        aria-posinset={row.position}
        aria-selected={selected}
        aria-expanded={hasChildren ? open : undefined}
        className={`bo-tree-item${selected ? ' bo-tree-selected' : ''}${node.key === current?.node.key ? ' bo-tree-active' : ''}`}
      >
        <div className="bo-tree-row" style={{ paddingInlineStart: (row.level - 1) * 20 }}>
          {hasChildren ? (
            <span className={`bo-tree-switch${open ? ' bo-tree-open' : ''}`} aria-hidden onClick={() => toggle(node.key, !open)} />
          ) : (
            <span className="bo-tree-leaf" aria-hidden />
          )}
          <span
            className="bo-tree-label"
            data-section={node.key}
            onClick={() => {
              setActive(node.key);
              go(node.key);
            }}
          >
            {node.label[lang]}
          </span>
        </div>
      </li>
    );
  };

  return (
    <ul role="tree" aria-label={t('tree.label')} tabIndex={0} aria-activedescendant={current ? itemId(current.node.key) : undefined} className="bo-tree" onKeyDown={onKeyDown}>
      {rows.map(item)}
    </ul>
  );
}
