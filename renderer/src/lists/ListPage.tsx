import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, Flex, Grid, Input, Switch, Table } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findCollection } from '../../../domain/settings/catalogue';
import type { CollectionDef, TreeNode } from '../../../domain/settings/types';
import type { ListItem } from '../../../domain/lists/listItem';
import { isFailure } from '../app/serverErrors';
import { useLang } from '../app/useLang';
import { useSession } from '../app/useSession';
import { editPermission } from '../settings/sections';
import { useListItemsQuery, useRemoveItemMutation, useUpdateItemMutation } from '../store/api';
import { displayValue } from './displayValue';
import { ItemDrawer } from './ItemDrawer';
import { oneLineFields, tableFields, toggleField, wideOnlyFields } from './listColumns';
import './listTable.css';
import { RowMenu, type RowAction } from './RowMenu';
import { useFocusAfterRemoval } from './useFocusAfterRemoval';
import { useListPage } from './useListPage';
import { useRowMoves } from './useRowMoves';

export interface ListExtras {
  /** Buttons beside "add" (the green Sync betalingsprovider). */
  toolbar?: ReactNode;
  /** Replaces the add button (webhooks are added by connecting). */
  addButton?: ReactNode;
  /** Extra column cells, e.g. which users have a password. */
  extraColumns?: { title: string; render: (item: ListItem) => ReactNode }[];
  /** What the edit drawer adds below the fields. */
  drawerExtra?: (item: ListItem | null, form: Parameters<NonNullable<Parameters<typeof ItemDrawer>[0]['children']>>[0]) => ReactNode;
  /** The title of an item when the title field is not enough (template kinds). */
  titleOf?: (item: ListItem) => string;
  /** Below the table: the permission matrix on the users page. */
  footer?: ReactNode;
  canRemove?: boolean;
  canAdd?: boolean;
  /** Removal with more to it than deleting the record (a webhook also drops its token). */
  removeWith?: (item: ListItem) => Promise<{ error?: unknown } | { data: unknown }>;
  /** Shown above the table. */
  notice?: ReactNode;
  /** The list's own entries of a row's Acties menu, before the common ones (a webhook's Verbinden and Ontkoppelen). */
  rowActions?: (item: ListItem) => RowAction[];
  /** Dialogs those actions open (a webhook's delivery log). */
  dialogs?: ReactNode;
}

/**
 * Below 1200 pixels (a 1024-pixel window) a table's cells keep 4 pixels to each side instead of
 * antd's 8: a payment method's seven columns need that to fit beside the settings tree with their
 * words whole.
 */
const narrowCells = { components: { Table: { cellPaddingInlineMD: 4 } } };

/**
 * A list the shop keeps, as a table: search, sort, switch on and off, reorder where order
 * matters, delete with confirmation, and create or edit in a form from the catalogue.
 */
export function ListPage({ node, collection, extras = {} }: { node: TreeNode; collection: string; extras?: ListExtras }) {
  const def = findCollection(collection) as CollectionDef;
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const wide = Grid.useBreakpoint().xl !== false;
  const { can } = useSession();
  const canEdit = can(editPermission(node));
  const { data: items = [], isLoading } = useListItemsQuery({ collection });
  const channels = useListItemsQuery({ collection: 'salesChannels' });
  const [update] = useUpdateItemMutation();
  const [remove] = useRemoveItemMutation();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<ListItem | 'new' | null>(null);

  const focus = useFocusAfterRemoval(items);
  const { ordered, move } = useRowMoves(collection, items, (answer) => act(Promise.resolve(answer)));

  const channelNames = Object.fromEntries((channels.data ?? []).map((item) => [item.id, String(item.values.name)]));
  const titleOf = extras.titleOf ?? ((item: ListItem) => String(item.values[def.titleField] ?? ''));
  const shown = ordered.filter((item) => query.trim() === '' || [titleOf(item), ...Object.values(item.values).map(String)].some((text) => text.toLowerCase().includes(query.trim().toLowerCase())));
  const paging = useListPage(focus.list, shown.length);
  const toggle = toggleField[collection];
  const toggleDef = def.fields.find((field) => field.key === toggle);

  /** Says a refusal in the user's words, or the success; answers whether it went through. */
  async function act(promise: Promise<{ error?: unknown } | { data: unknown }>, success?: string): Promise<boolean> {
    const result = await promise;
    if ('error' in result && result.error) {
      void message.error(isFailure(result.error) ? [result.error.message, ...(result.error.fields ?? []).map((f) => f.message)].join(' ') : String(result.error));
      return false;
    }
    if (success) void message.success(success);
    return true;
  }

  /** The row's own actions (a webhook's), then moving it and removing it where the role may. */
  const commonActions = (item: ListItem): RowAction[] => {
    // Where the row stands in the order as the user last left it (the table's own index counts from the top of its page).
    const index = ordered.findIndex((candidate) => candidate.id === item.id);
    return [
      ...(extras.rowActions?.(item) ?? []),
      ...(def.ordered && canEdit
        ? [
            { key: 'up', label: t('list.up'), icon: <ArrowUpOutlined />, disabled: index === 0 || query !== '', run: () => paging.follow(item.id, move(item.id, -1)) },
            { key: 'down', label: t('list.down'), icon: <ArrowDownOutlined />, disabled: index === ordered.length - 1 || query !== '', run: () => paging.follow(item.id, move(item.id, 1)) },
          ]
        : []),
      ...(canEdit && extras.canRemove !== false
        ? [
            {
              key: 'remove',
              label: t('list.remove'),
              icon: <DeleteOutlined />,
              danger: true,
              run: () =>
                void modal.confirm({
                  title: t('list.removeConfirm', { name: titleOf(item) }),
                  okText: t('list.yes'),
                  okButtonProps: { danger: true },
                  cancelText: t('list.no'),
                  onOk: async () => {
                    focus.removing(item.id, shown);
                    if (!(await act(extras.removeWith ? extras.removeWith(item) : remove({ collection, id: item.id }), t('list.removed', { name: titleOf(item) })))) focus.refused();
                  },
                  afterClose: focus.dialogClosed,
                }),
            },
          ]
        : []),
    ];
  };

  const columns = [
    ...(extras.titleOf ? [{ key: '_title', title: t('list.name'), render: (_: unknown, item: ListItem) => titleOf(item) }] : []),
    ...(tableFields[collection] ?? [def.titleField]).flatMap((key) => {
      const field = def.fields.find((f) => f.key === key);
      if (!field) return [];
      const cell = (item: ListItem) => displayValue(field, item.values[key], lang, channelNames);
      const render = oneLineFields[collection]?.includes(key)
        ? (_: unknown, item: ListItem) => (
            <span className="bo-one-line" title={cell(item)}>
              {cell(item)}
            </span>
          )
        : (_: unknown, item: ListItem) => cell(item);
      // Below 1200 pixels only the name keeps its sort arrows: each takes some 20 pixels of a header
      // ("Standaardkanaal", "Gepubliceerd") that cannot wrap, and a sales channel's six columns did not fit at 1024.
      const sortable = !def.ordered && (wide || key === def.titleField);
      if (!wide && wideOnlyFields[collection]?.includes(key)) return [];
      return [{ key, title: field.label[lang], sorter: sortable ? (a: ListItem, b: ListItem) => cell(a).localeCompare(cell(b), 'nl') : undefined, render }];
    }),
    ...(extras.extraColumns ?? []).map((column) => ({ key: column.title, title: column.title, render: (_: unknown, item: ListItem) => column.render(item) })),
    ...(toggleDef
      ? [
          {
            key: toggle,
            title: toggleDef.label[lang],
            render: (_: unknown, item: ListItem) => (
              <Switch
                size="small"
                checked={item.values[toggleDef.key] === true}
                disabled={!canEdit}
                aria-label={t('list.toggle', { name: titleOf(item), field: toggleDef.label[lang] })}
                onChange={(checked) => void act(update({ collection, id: item.id, changes: { [toggleDef.key]: checked } }))}
              />
            ),
          },
        ]
      : []),
    {
      key: 'actions',
      title: t('list.actions'),
      // Two small buttons, never wrapped: the pencil, the one thing done most, and the menu with the rest.
      width: 80,
      render: (_: unknown, item: ListItem) => (
        <Flex gap={4} wrap={false}>
          <Button size="small" icon={<EditOutlined />} aria-label={t('list.edit', { name: titleOf(item) })} onClick={() => setEditing(item)} />
          <RowMenu name={titleOf(item)} actions={commonActions(item)} />
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} ref={focus.list}>
      <Flex gap={8} wrap>
        <Input.Search aria-label={t('list.search', { list: def.label[lang] })} placeholder={t('list.search', { list: def.label[lang] })} allowClear value={query} onChange={(event) => setQuery(event.target.value)} style={{ maxWidth: 320 }} />
        <div style={{ flex: 1 }} />
        {extras.toolbar}
        {canEdit && extras.canAdd !== false && (
          <span data-list-add style={{ display: 'contents' }}>
            {extras.addButton ?? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('list.add', { item: lang === 'en' ? def.itemLabel.en.toLowerCase() : def.itemLabel.nl })}
              </Button>
            )}
          </span>
        )}
      </Flex>
      {extras.notice}
      <ConfigProvider theme={wide ? undefined : narrowCells}>
        <Table<ListItem>
          className="bo-list-table"
          rowKey="id"
          dataSource={shown}
          columns={columns}
          loading={isLoading}
          pagination={paging.pagination}
          locale={{ emptyText: t('list.empty') }}
          size="middle"
        />
      </ConfigProvider>
      {extras.footer}
      {extras.dialogs}
      {editing && (
        <ItemDrawer def={def} section={node.key} item={editing === 'new' ? null : (items.find((item) => item.id === editing.id) ?? editing)} canEdit={canEdit} title={editing === 'new' ? t('list.newTitle', { item: def.itemLabel[lang] }) : titleOf(editing)} onClose={() => setEditing(null)}>
          {extras.drawerExtra ? (form) => extras.drawerExtra?.(editing === 'new' ? null : (items.find((item) => item.id === editing.id) ?? editing), form) : undefined}
        </ItemDrawer>
      )}
    </Flex>
  );
}
