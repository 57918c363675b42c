import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../app/serverErrors';
import { useSession } from '../app/useSession';
import { usePolicy } from '../policy/usePolicy';
import { usePairCloudMutation, useSyncStatusQuery, useUnpairCloudMutation } from '../store/api';

interface PairValues {
  cloudUrl: string;
  code: string;
}

/** Systeeminformatie › Koppelen aan de cloud: pair with a code, see the shop account, unpair. */
export function CloudPairing() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { can } = useSession();
  const status = useSyncStatusQuery();
  const [form] = Form.useForm<PairValues>();
  const [pair, { isLoading }] = usePairCloudMutation();
  const [unpair] = useUnpairCloudMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const policy = usePolicy();
  if (!status.data) return null;
  const { state, cloudAccount, cloudUrl } = status.data;
  const editable = can('system.edit');

  async function submit(values: PairValues) {
    setProblem(null);
    const result = await pair(values);
    if ('error' in result) {
      setProblem(showServerErrors(form, result.error, ['cloudUrl', 'code']));
      return;
    }
    form.resetFields();
    void message.success(t('pairing.paired', { shop: result.data.shopName }));
  }

  return (
    <Card title={t('pairing.title')} size="small" style={{ marginTop: 24 }} data-testid="cloud-pairing">
      {state === 'unpaired' && <Alert type="error" showIcon message={t('sync.unpaired')} description={t('sync.unpairedBody')} style={{ marginBottom: 12 }} />}
      {state === 'paired' && cloudAccount ? (
        <>
          <Typography.Paragraph data-testid="paired-to">{t('pairing.pairedTo', { shop: cloudAccount, url: cloudUrl })}</Typography.Paragraph>
          {editable && (
            <Button
              danger
              onClick={() =>
                modal.confirm({
                  title: t('pairing.unpair'),
                  content: t('pairing.unpairConfirm', { shop: cloudAccount }),
                  okText: t('pairing.unpair'),
                  onOk: async () => {
                    const result = await unpair();
                    if (!('error' in result)) void message.success(t('pairing.unpaired'));
                  },
                })
              }
            >
              {t('pairing.unpair')}
            </Button>
          )}
        </>
      ) : (
        editable && (
          <>
            <Typography.Paragraph>{t('pairing.intro')}</Typography.Paragraph>
            {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} role="alert" />}
            <PairingFields form={form} onFinish={submit} loading={isLoading} initialUrl={cloudUrl ?? ''} lockedUrl={policy.state?.cloudUrl ?? null} />
          </>
        )
      )}
    </Card>
  );
}

/**
 * The two fields both pairing forms share: where the cloud is and the one-time code. A cloud
 * address fixed by IT's policy is filled in and locked (the main process refuses any other).
 */
export function PairingFields({
  form,
  onFinish,
  loading,
  initialUrl,
  lockedUrl = null,
}: {
  form: ReturnType<typeof Form.useForm<PairValues>>[0];
  onFinish: (values: PairValues) => void;
  loading: boolean;
  initialUrl: string;
  lockedUrl?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Form form={form} name="pairing" layout="vertical" onFinish={onFinish} requiredMark={false} initialValues={{ cloudUrl: lockedUrl ?? initialUrl, code: '' }}>
      <Form.Item
        name="cloudUrl"
        label={t('pairing.cloudUrl')}
        extra={
          lockedUrl && (
            <span id="pairing_cloudUrl_policy" data-testid="policy-lock">
              <LockOutlined aria-hidden /> {t('policy.locked')}
            </span>
          )
        }
      >
        <Input type="url" placeholder="https://cloud.uwwinkel.nl" autoComplete="url" disabled={lockedUrl !== null} aria-describedby={lockedUrl ? 'pairing_cloudUrl_policy' : undefined} />
      </Form.Item>
      <Form.Item name="code" label={t('pairing.code')}>
        <Input autoComplete="one-time-code" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading}>
        {t('pairing.pair')}
      </Button>
    </Form>
  );
}
