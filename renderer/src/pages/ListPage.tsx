import type { TreeNode } from '../../../domain/settings/types';

export function ListPage(_props: { node: TreeNode; collection: string }) {
  return null;
}
