import { permissionFor, type Permission } from '../../../domain/access/permissions';
import { settingsTree } from '../../../domain/settings/tree';
import type { TreeNode } from '../../../domain/settings/types';

const flatten = (nodes: readonly TreeNode[]): TreeNode[] => nodes.flatMap((node) => [node, ...flatten(node.children ?? [])]);
const allNodes = flatten(settingsTree);

export function findNode(key: string): TreeNode | undefined {
  return allNodes.find((node) => node.key === key);
}

/** The section a sub-section belongs to, for the page title "Bedrijfsinformatie › Zakelijke informatie". */
export function parentOf(key: string): TreeNode | undefined {
  return allNodes.find((node) => node.children?.some((child) => child.key === key));
}

/** The node whose page opens for a key: a section without a page of its own opens its first sub-section. */
export function pageNode(key: string): TreeNode | undefined {
  const node = findNode(key);
  return node?.content ? node : node?.children?.[0];
}

/** The key the permission check uses: the group, list or info page the node opens. */
function contentKey(node: TreeNode): string {
  const content = node.content;
  if (!content) return node.key;
  return content.kind === 'group' ? content.group : content.kind === 'list' ? content.collection : content.page;
}

function permissionOf(node: TreeNode, level: 'view' | 'edit'): Permission {
  const leaf = node.content ? node : node.children?.[0];
  return permissionFor(leaf ? contentKey(leaf) : node.key, level);
}

export const viewPermission = (node: TreeNode): Permission => permissionOf(node, 'view');
export const editPermission = (node: TreeNode): Permission => permissionOf(node, 'edit');
