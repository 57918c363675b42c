import { DisconnectOutlined, HistoryOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Modal, Table } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ListItem } from '../../../../domain/lists/listItem';
import type { HookDelivery } from '../../../../domain/webhooks/hookProtocol';
import { formatDateTime } from '../../app/formatDate';
import { isFailure } from '../../app/serverErrors';
import { useConnectWebhookMutation, useDisconnectWebhookMutation, useWebhookDeliveriesQuery } from '../../store/api';
import type { RowAction } from '../RowMenu';

/** One line of the delivery log in words: never a raw outcome code. */
function outcomeWords(delivery: HookDelivery, t: TFunction): string {
  switch (delivery.outcome) {
    case 'accepted':
      return t('webhooks.outcomeAccepted');
    case 'tokenRefused':
      return t('webhooks.outcomeTokenRefused');
    case 'failed':
      return t('webhooks.outcomeFailed');
    case 'noAnswer':
      return t('webhooks.outcomeNoAnswer', { seconds: delivery.detail ?? '?' });
    case 'unreachable':
      return t('webhooks.outcomeUnreachable', { cause: delivery.detail ?? '?' });
    case 'blocked':
      return t('webhooks.outcomeBlocked', { address: delivery.detail ?? '?' });
  }
}

/** Kept mounted while it closes, so the dialog gives the focus back to the Acties button it was opened from. */
function DeliveryLog({ item, open, onClose, afterClose }: { item: ListItem; open: boolean; onClose: () => void; afterClose: () => void }) {
  const { t, i18n } = useTranslation();
  const log = useWebhookDeliveriesQuery({ id: item.id });
  const problem = log.error ? (isFailure(log.error) ? log.error.message : String(log.error)) : null;
  return (
    <Modal open={open} title={t('webhooks.deliveriesOf', { url: String(item.values.webhookUrl) })} onCancel={onClose} afterClose={afterClose} footer={null} width={760}>
      {problem ? (
        <p role="alert">{problem}</p>
      ) : (
        <Table<HookDelivery>
          size="small"
          data-testid="delivery-log"
          loading={log.isLoading}
          pagination={false}
          rowKey={(row) => `${row.at}-${row.attempt}-${row.action}`}
          dataSource={log.data ?? []}
          locale={{ emptyText: t('webhooks.deliveriesEmpty') }}
          columns={[
            { key: 'at', title: t('webhooks.at'), render: (_: unknown, row) => formatDateTime(row.at, i18n.language) },
            { key: 'action', title: t('webhooks.action'), render: (_: unknown, row) => t(row.action === 'init' ? 'webhooks.actionInit' : 'webhooks.actionDisconnect') },
            { key: 'attempt', title: t('webhooks.attempt'), dataIndex: 'attempt' },
            { key: 'code', title: t('webhooks.code'), render: (_: unknown, row) => row.responseCode ?? '—' },
            { key: 'outcome', title: t('webhooks.outcome'), render: (_: unknown, row) => outcomeWords(row, t) },
          ]}
        />
      )}
    </Modal>
  );
}

/**
 * Verbinden, Ontkoppelen and the delivery log, as entries of each connection's Acties menu, and
 * the log's dialog. Verbinden and Ontkoppelen wait while one is under way (the cloud calls the
 * webshop, with retries); the message at the top says how it went.
 */
export function useWebhookActions(canEdit: boolean): { actionsFor: (item: ListItem) => RowAction[]; dialogs: ReactNode } {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [connect, connecting] = useConnectWebhookMutation();
  const [disconnect, disconnecting] = useDisconnectWebhookMutation();
  const [logOf, setLogOf] = useState<ListItem | null>(null);
  const [logOpen, setLogOpen] = useState(false);
  const busy = connecting.isLoading || disconnecting.isLoading;

  async function deliver(action: typeof connect, item: ListItem) {
    const key = `webhook-${item.id}`;
    void message.loading({ key, content: t('webhooks.connecting'), duration: 0 });
    const result = await action({ id: item.id });
    if ('error' in result) return void message.error({ key, content: isFailure(result.error) ? result.error.message : String(result.error), duration: 10 });
    const ok = result.data.status === 'connected' || (result.data.status === 'disconnected' && result.data.problem === null);
    void message[ok ? 'success' : 'error']({ key, content: result.data.message, duration: 10 });
  }

  const actionsFor = (item: ListItem): RowAction[] => [
    ...(canEdit ? [{ key: 'connect', label: t('webhooks.connect'), icon: <LinkOutlined />, disabled: busy, run: () => void deliver(connect, item) }] : []),
    ...(canEdit && item.values.status === 'connected'
      ? [
          {
            key: 'disconnect',
            label: t('webhooks.disconnect'),
            icon: <DisconnectOutlined />,
            disabled: busy,
            run: () =>
              void modal.confirm({
                title: t('webhooks.disconnectConfirm', { url: String(item.values.webhookUrl) }),
                okText: t('list.yes'),
                cancelText: t('list.no'),
                onOk: () => deliver(disconnect, item),
              }),
          },
        ]
      : []),
    { key: 'deliveries', label: t('webhooks.deliveriesShow'), icon: <HistoryOutlined />, run: () => (setLogOf(item), setLogOpen(true)) },
  ];

  return { actionsFor, dialogs: logOf && <DeliveryLog item={logOf} open={logOpen} onClose={() => setLogOpen(false)} afterClose={() => setLogOf(null)} /> };
}
