import { Descriptions, Result, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../domain/money';
import { formatDateTime } from '../app/formatDate';
import { usePaymentsSnapshotQuery } from '../store/api';

/** Read-only: the merchant, its onboarding documents and activated payment methods, with the cache's age. */
export function StorekeeperPaymentsPage() {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = usePaymentsSnapshotQuery();
  if (isLoading) return null;
  if (!data) return <Result status="info" title={t('storekeeper.none')} subTitle={t('storekeeper.noneBody')} />;
  const { merchant } = data;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sync.lastSync', { date: formatDateTime(data.fetchedAt, i18n.language) })}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'id', label: t('storekeeper.merchant'), children: `${merchant.name} (${merchant.id})` },
          { key: 'status', label: t('storekeeper.status'), children: <Tag color={merchant.status === 'ACTIVE' ? 'green' : 'default'}>{merchant.status}</Tag> },
          { key: 'onboarding', label: t('storekeeper.onboarding'), children: merchant.onboardingStatus },
          { key: 'payout', label: t('storekeeper.payouts'), children: merchant.payoutStatus },
          { key: 'balance', label: t('storekeeper.balance'), children: formatEuro(merchant.balanceCents) },
          { key: 'bank', label: t('storekeeper.bankAccount'), children: merchant.bankAccount ? `${merchant.bankAccount.iban} (${merchant.bankAccount.holder})` : '—' },
        ]}
      />
      <Table
        style={{ marginTop: 16 }}
        size="small"
        pagination={false}
        rowKey="kind"
        dataSource={data.documents}
        columns={[
          { key: 'kind', title: t('storekeeper.document'), dataIndex: 'kind' },
          { key: 'status', title: t('storekeeper.status'), dataIndex: 'status' },
        ]}
      />
      <Table
        style={{ marginTop: 16 }}
        size="small"
        pagination={false}
        rowKey={(row) => `${row.service}-${row.optionId}`}
        dataSource={data.services.flatMap((service) => service.paymentMethods.map((method) => ({ service: `${service.name} (${service.id})`, ...method })))}
        columns={[
          { key: 'service', title: t('storekeeper.service'), dataIndex: 'service' },
          { key: 'name', title: t('storekeeper.paymentMethod'), dataIndex: 'name' },
          { key: 'status', title: t('storekeeper.status'), dataIndex: 'status' },
        ]}
      />
    </>
  );
}
