import type { TreeNode } from '../../../domain/settings/types';

/**
 * One line of the settings tree as shown: a node, its depth (1 = section), the section it is in,
 * and its place among its siblings (1-based) out of how many: what a flat tree tells assistive
 * technology in place of nesting.
 */
export interface TreeRow {
  node: TreeNode;
  level: number;
  parent?: string;
  position: number;
  siblings: number;
}

/** The lines in reading order, leaving out the sub-sections of a closed section. */
export function visibleRows(nodes: readonly TreeNode[], collapsed: ReadonlySet<string>, level = 1, parent?: string): TreeRow[] {
  return nodes.flatMap((node, index) => [
    { node, level, ...(parent ? { parent } : {}), position: index + 1, siblings: nodes.length },
    ...(node.children && !collapsed.has(node.key) ? visibleRows(node.children, collapsed, level + 1, node.key) : []),
  ]);
}

/**
 * Where a key moves the tree's active line (the WAI-ARIA tree view keys that only move): down and
 * up one line, Home and End, and Right from an open section to its first sub-section. Null: the
 * key does not move.
 */
export function nextActive(rows: readonly TreeRow[], active: string, key: string): string | null {
  const at = rows.findIndex((row) => row.node.key === active);
  const target =
    key === 'ArrowDown' ? rows[at + 1] : key === 'ArrowUp' ? rows[at - 1] : key === 'Home' ? rows[0] : key === 'End' ? rows[rows.length - 1] : key === 'ArrowRight' && rows[at + 1]?.parent === active ? rows[at + 1] : undefined;
  return target?.node.key ?? null;
}
