import { ApiOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isFailure } from '../app/serverErrors';
import { useSession } from '../app/useSession';
import { useSettingsSnapshotQuery, useTestCarrierConnectionMutation } from '../store/api';

/**
 * Bestelling › Zendingen › Verbinding testen: the saved provider's answer to the key in the
 * keychain, in words. Shown once a provider is saved; with none there is nothing to ask.
 */
export function ConnectionTest() {
  const { t } = useTranslation();
  const { can } = useSession();
  const snapshot = useSettingsSnapshotQuery();
  const [test, { data, error, isLoading }] = useTestCarrierConnectionMutation();
  const provider = snapshot.data?.['orders.shipping']?.values.provider;
  // An answer about the provider that was saved before is no answer about the one saved now.
  const answer = data?.provider === provider ? data : undefined;
  if (provider === undefined || provider === 'none') return null;

  return (
    <section aria-labelledby="carrier-test-title" style={{ marginTop: 32 }}>
      <Typography.Title level={2} id="carrier-test-title" style={{ fontSize: 18 }}>
        {t('carriers.testTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('carriers.testHelp')}</Typography.Paragraph>
      <Button icon={<ApiOutlined />} loading={isLoading} disabled={!can('orders.edit')} onClick={() => void test()}>
        {t('carriers.test')}
      </Button>
      {answer && !isLoading && (
        <Alert type={answer.accepted ? 'success' : 'error'} showIcon role={answer.accepted ? 'status' : 'alert'} style={{ marginTop: 12 }} message={answer.message} />
      )}
      {error && !isLoading && isFailure(error) && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} message={error.message} />}
    </section>
  );
}
