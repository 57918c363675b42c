import { Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { settingsTree } from '../../../domain/settings/tree';
import type { TreeNode } from '../../../domain/settings/types';
import { useLang } from '../app/useLang';
import { useNavigation } from '../app/useNavigation';
import { useSession } from '../app/useSession';
import { useAppSelector } from '../store/store';
import { viewPermission } from './sections';

/** The 15 sections in DOMAIN.md's order; a role sees only what it may open. Arrow keys move, Enter opens. */
export function SettingsTree() {
  const { t } = useTranslation();
  const lang = useLang();
  const { can } = useSession();
  const go = useNavigation();
  const section = useAppSelector((state) => state.ui.section);

  const toData = (nodes: readonly TreeNode[]): TreeDataNode[] =>
    nodes
      .filter((node) => can(viewPermission(node)))
      .map((node) => ({
        key: node.key,
        title: <span data-section={node.key}>{node.label[lang]}</span>,
        ...(node.children ? { children: toData(node.children) } : {}),
      }));
  const treeData = toData(settingsTree);

  return (
    <Tree
      aria-label={t('tree.label')}
      treeData={treeData}
      selectedKeys={[section]}
      defaultExpandAll
      blockNode
      showLine={{ showLeafIcon: false }}
      onSelect={(_keys, { node }) => go(String(node.key))}
      style={{ marginTop: 12 }}
    />
  );
}
