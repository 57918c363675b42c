import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/formatDate';
import { isFailure } from '../../app/serverErrors';
import { useSession } from '../../app/useSession';
import { usePaymentProviderLastSyncQuery, useSyncPaymentMethodsMutation } from '../../store/api';
import type { ListExtras } from '../ListPage';

// The button and the answer below it are two places on the page; one shared mutation state links them.
const shared = { fixedCacheKey: 'paymentProviderSync' };

/** The green [Sync betalingsprovider] button: the provider's options through the cloud, merged into the list. */
function SyncButton() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [sync, { isLoading }] = useSyncPaymentMethodsMutation(shared);
  return (
    <Button
      icon={<SyncOutlined />}
      loading={isLoading}
      disabled={!can('payments.edit')}
      style={{ background: '#389e0d', borderColor: '#389e0d', color: '#fff' }}
      onClick={() => void sync()}
    >
      {t('payments.sync')}
    </Button>
  );
}

/** When this workstation last synced, the provider's services, and what the last click changed or why it could not. */
function SyncStatus() {
  const { t, i18n } = useTranslation();
  const last = usePaymentProviderLastSyncQuery();
  const [, { data, error, isLoading }] = useSyncPaymentMethodsMutation(shared);
  const synced = last.data;
  const lines = data
    ? [
        data.summary.added.length > 0 && t('payments.added', { names: data.summary.added.join(', ') }),
        data.summary.dropped.length > 0 && t('payments.dropped', { names: data.summary.dropped.join(', ') }),
        data.summary.returned.length > 0 && t('payments.returned', { names: data.summary.returned.join(', ') }),
        data.summary.renamed.length > 0 && t('payments.renamed', { names: data.summary.renamed.map((change) => `${change.from} → ${change.to}`).join(', ') }),
        data.summary.channelsChanged.length > 0 && t('payments.channelsChanged', { names: data.summary.channelsChanged.join(', ') }),
        data.refused > 0 && t('payments.refused', { count: data.refused }),
      ].filter((line): line is string => typeof line === 'string')
    : [];
  return (
    <div data-testid="provider-sync" style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="provider-last-sync">
        {synced ? t('payments.lastSynced', { date: formatDateTime(synced.at, i18n.language) }) : t('payments.neverSynced')}
        {synced && synced.services.length > 0 && (
          <>
            <br />
            {t('payments.services', { services: synced.services.map((service) => `${service.name ?? service.serviceId} (${service.serviceId}${service.channel ? ` → ${service.channel}` : ''})`).join(', ') })}
          </>
        )}
      </Typography.Paragraph>
      {data && !isLoading && (
        <Alert
          type="success"
          showIcon
          role="status"
          message={t('payments.resultTitle')}
          description={lines.length > 0 ? lines.map((line) => <div key={line}>{line}</div>) : t('payments.unchanged')}
        />
      )}
      {error && !isLoading && <Alert type="warning" showIcon role="alert" message={isFailure(error) ? error.message : String(error)} />}
    </div>
  );
}

export function usePaymentMethodsExtras(): ListExtras {
  return { toolbar: <SyncButton />, notice: <SyncStatus /> };
}
