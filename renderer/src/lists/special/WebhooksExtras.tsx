import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFailure } from '../../app/serverErrors';
import { describeHookAnswer } from '../../../../domain/webhooks/hookOutcome';
import { formatDateTime } from '../../app/formatDate';
import { useLang } from '../../app/useLang';
import { useSession } from '../../app/useSession';
import { useAddWebhookMutation, useInspectWebshopKeyMutation, useListItemsQuery, useRemoveWebhookMutation, useSyncStatusQuery, useWebhookKeychainQuery } from '../../store/api';
import type { ListExtras } from '../ListPage';
import { useWebhookActions } from './useWebhookActions';

/** 'Koppeling toevoegen': paste the webshop's key, see where it points, then keep the connection (not yet connected). */
function AddButton({ blockedBy }: { blockedBy: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<string | undefined>();
  const [apiKey, setApiKey] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const channels = useListItemsQuery({ collection: 'salesChannels' });
  const [inspect, inspecting] = useInspectWebshopKeyMutation();
  const [add, adding] = useAddWebhookMutation();
  const close = () => (setOpen(false), setApiKey(''), setUrl(null), setProblem(null));

  async function check() {
    const result = await inspect({ apiKey });
    if ('error' in result) return (setUrl(null), setProblem(isFailure(result.error) ? result.error.message : String(result.error)));
    setProblem(null);
    setUrl(result.data.webhookUrl);
  }

  async function save() {
    const result = await add({ salesChannelId: channel ?? '', apiKey });
    if ('error' in result) return setProblem(isFailure(result.error) ? [result.error.message, ...(result.error.fields ?? []).map((f) => f.message)].join(' ') : String(result.error));
    void message.info({ content: t('webhooks.saved'), duration: 8 });
    close();
  }

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} disabled={blockedBy !== null} title={blockedBy ?? undefined}>
        {t('webhooks.add')}
      </Button>
      <Modal open={open} title={t('webhooks.addTitle')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" name="connect-webhook">
          <Form.Item label={t('webhooks.channel')} htmlFor="connect-channel">
            <Select id="connect-channel" value={channel} onChange={setChannel} options={(channels.data ?? []).map((item) => ({ value: item.id, label: String(item.values.name) }))} />
          </Form.Item>
          <Form.Item label={t('webhooks.apiKey')} htmlFor="connect-key" extra={t('webhooks.apiKeyHelp')}>
            <Input.TextArea id="connect-key" value={apiKey} onChange={(event) => (setApiKey(event.target.value), setUrl(null))} autoSize={{ minRows: 3 }} spellCheck={false} />
          </Form.Item>
          {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
          {url && <Alert type="info" showIcon message={t('webhooks.urlIs', { url })} style={{ marginBottom: 12 }} data-testid="webhook-url" />}
          <Flex gap={8}>
            <Button onClick={() => void check()} loading={inspecting.isLoading} disabled={apiKey.trim() === ''}>
              {t('webhooks.check')}
            </Button>
            <Button type="primary" onClick={() => void save()} loading={adding.isLoading} disabled={!url || !channel}>
              {t('webhooks.addButton')}
            </Button>
          </Flex>
        </Form>
      </Modal>
    </>
  );
}

export function useWebhooksExtras(): ListExtras {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { can } = useSession();
  const [remove] = useRemoveWebhookMutation();
  const sync = useSyncStatusQuery();
  const actions = useWebhookActions(can('webhooks.edit'));
  // Asked as the screen opens: a connection's token lives in the keychain, so without one there is no point filling in the form.
  const keychain = useWebhookKeychainQuery();
  const keychainProblem = keychain.error ? (isFailure(keychain.error) ? keychain.error.message : String(keychain.error)) : null;
  const notPaired = sync.data && !sync.data.connected ? <Alert type="warning" showIcon message={t('webhooks.notConnected')} data-testid="webhooks-not-paired" /> : null;
  return {
    addButton: <AddButton blockedBy={keychainProblem} />,
    removeWith: (item) => remove({ id: item.id }),
    extraColumns: [
      {
        title: t('webhooks.lastDelivery'),
        render: (item) => (typeof item.values.lastDeliveryAt === 'string' ? formatDateTime(item.values.lastDeliveryAt, i18n.language) : t('webhooks.never')),
      },
      {
        title: t('webhooks.reason'),
        render: (item) =>
          item.values.lastDeliveryAt === null ? '—' : describeHookAnswer({ status: String(item.values.status), responseCode: (item.values.lastResponseCode as string | null) ?? null, problem: (item.values.lastProblem as string | null) ?? null }, lang),
      },
    ],
    rowActions: actions.actionsFor,
    dialogs: actions.dialogs,
    notice:
      keychainProblem || notPaired ? (
        <>
          {keychainProblem && <Alert type="error" showIcon role="alert" message={keychainProblem} data-testid="keychain-problem" style={{ marginBottom: notPaired ? 8 : 0 }} />}
          {notPaired}
        </>
      ) : null,
  };
}
