import { DisconnectOutlined, HistoryOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Modal, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ListItem } from '../../../../domain/lists/listItem';
import type { HookDelivery } from '../../../../domain/webhooks/hookProtocol';
import { formatDateTime } from '../../app/formatDate';
import { isFailure } from '../../app/serverErrors';
import { useConnectWebhookMutation, useDisconnectWebhookMutation, useWebhookDeliveriesQuery } from '../../store/api';

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

function DeliveryLog({ item, onClose }: { item: ListItem; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const log = useWebhookDeliveriesQuery({ id: item.id });
  const problem = log.error ? (isFailure(log.error) ? log.error.message : String(log.error)) : null;
  return (
    <Modal open title={t('webhooks.deliveriesOf', { url: String(item.values.webhookUrl) })} onCancel={onClose} footer={null} width={760}>
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

/** Verbinden, Ontkoppelen and the delivery log, under Acties of each connection. */
export function WebhookRowActions({ item, canEdit }: { item: ListItem; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [connect, connecting] = useConnectWebhookMutation();
  const [disconnect, disconnecting] = useDisconnectWebhookMutation();
  const [showLog, setShowLog] = useState(false);
  const url = String(item.values.webhookUrl);

  async function deliver(action: typeof connect) {
    const key = `webhook-${item.id}`;
    void message.loading({ key, content: t('webhooks.connecting'), duration: 0 });
    const result = await action({ id: item.id });
    if ('error' in result) return void message.error({ key, content: isFailure(result.error) ? result.error.message : String(result.error), duration: 10 });
    const ok = result.data.status === 'connected' || (result.data.status === 'disconnected' && result.data.problem === null);
    void message[ok ? 'success' : 'error']({ key, content: result.data.message, duration: 10 });
  }

  return (
    <>
      {canEdit && (
        <Button size="small" icon={<LinkOutlined />} loading={connecting.isLoading} aria-label={t('webhooks.connectOne', { url })} onClick={() => void deliver(connect)}>
          {t('webhooks.connect')}
        </Button>
      )}
      {canEdit && item.values.status === 'connected' && (
        <Popconfirm title={t('webhooks.disconnectConfirm', { url })} okText={t('list.yes')} cancelText={t('list.no')} onConfirm={() => deliver(disconnect)}>
          <Button size="small" icon={<DisconnectOutlined />} loading={disconnecting.isLoading} aria-label={t('webhooks.disconnectOne', { url })}>
            {t('webhooks.disconnect')}
          </Button>
        </Popconfirm>
      )}
      <Button size="small" icon={<HistoryOutlined />} aria-label={t('webhooks.deliveriesOf', { url })} onClick={() => setShowLog(true)} />
      {showLog && <DeliveryLog item={item} onClose={() => setShowLog(false)} />}
    </>
  );
}
