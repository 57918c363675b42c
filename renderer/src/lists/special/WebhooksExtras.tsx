import { LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFailure } from '../../app/serverErrors';
import { useConnectWebhookMutation, useDisconnectWebhookMutation, useInspectWebshopKeyMutation, useListItemsQuery, useSyncStatusQuery, useWebhookKeychainQuery } from '../../store/api';
import type { ListExtras } from '../ListPage';

/** 'Verbinden': paste the webshop's key, see where it points, then keep the connection. */
function ConnectButton({ blockedBy }: { blockedBy: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<string | undefined>();
  const [apiKey, setApiKey] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const channels = useListItemsQuery({ collection: 'salesChannels' });
  const [inspect, inspecting] = useInspectWebshopKeyMutation();
  const [connect, connecting] = useConnectWebhookMutation();
  const close = () => (setOpen(false), setApiKey(''), setUrl(null), setProblem(null));

  async function check() {
    const result = await inspect({ apiKey });
    if ('error' in result) return (setUrl(null), setProblem(isFailure(result.error) ? result.error.message : String(result.error)));
    setProblem(null);
    setUrl(result.data.webhookUrl);
  }

  async function save() {
    const result = await connect({ salesChannelId: channel ?? '', apiKey });
    if ('error' in result) return setProblem(isFailure(result.error) ? [result.error.message, ...(result.error.fields ?? []).map((f) => f.message)].join(' ') : String(result.error));
    void message.warning({ content: `${t('webhooks.saved')} ${result.data.statusReason}`, duration: 8 });
    close();
  }

  return (
    <>
      <Button type="primary" icon={<LinkOutlined />} onClick={() => setOpen(true)} disabled={blockedBy !== null} title={blockedBy ?? undefined}>
        {t('webhooks.connect')}
      </Button>
      <Modal open={open} title={t('webhooks.connectTitle')} onCancel={close} footer={null} destroyOnHidden>
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
            <Button type="primary" onClick={() => void save()} loading={connecting.isLoading} disabled={!url || !channel}>
              {t('webhooks.connect')}
            </Button>
          </Flex>
        </Form>
      </Modal>
    </>
  );
}

export function useWebhooksExtras(): ListExtras {
  const { t } = useTranslation();
  const [disconnect] = useDisconnectWebhookMutation();
  const sync = useSyncStatusQuery();
  // Asked as the screen opens: a connection's token lives in the keychain, so without one there is no point filling in the form.
  const keychain = useWebhookKeychainQuery();
  const keychainProblem = keychain.error ? (isFailure(keychain.error) ? keychain.error.message : String(keychain.error)) : null;
  const notConnected = sync.data && !sync.data.connected ? <Alert type="warning" showIcon message={t('webhooks.notConnected')} /> : null;
  return {
    addButton: <ConnectButton blockedBy={keychainProblem} />,
    removeWith: (item) => disconnect({ id: item.id }),
    notice:
      keychainProblem || notConnected ? (
        <>
          {keychainProblem && <Alert type="error" showIcon role="alert" message={keychainProblem} data-testid="keychain-problem" style={{ marginBottom: notConnected ? 8 : 0 }} />}
          {notConnected}
        </>
      ) : null,
  };
}
