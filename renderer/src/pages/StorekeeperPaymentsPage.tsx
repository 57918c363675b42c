import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Result, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../domain/money';
import { relativeAge } from '../../../domain/relativeAge';
import { storekeeperPaymentsWords as words, type StorekeeperPaymentsSnapshot } from '../../../domain/storekeeperPayments';
import { formatIban } from '../../../domain/validators/iban';
import { formatDateTime } from '../app/formatDate';
import { isFailure } from '../app/serverErrors';
import { useLang } from '../app/useLang';
import { usePaymentsSnapshotQuery, useRefreshPaymentsMutation } from '../store/api';

/** Now, moved on every half minute, so "bijgewerkt 3 minuten geleden" keeps telling the truth while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Overview({ data }: { data: StorekeeperPaymentsSnapshot }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { merchant } = data;
  const methods = data.services.flatMap((service) => service.paymentMethods.map((method) => ({ key: `${service.id}-${method.optionId}`, service, method })));
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={1}
        data-testid="sk-merchant"
        items={[
          { key: 'id', label: t('storekeeper.merchant'), children: `${merchant.name} (${merchant.id})` },
          { key: 'status', label: t('storekeeper.status'), children: <Tag color={merchant.status === 'ACTIVE' ? 'green' : 'default'}>{words.merchantStatus[merchant.status][lang]}</Tag> },
          { key: 'onboarding', label: t('storekeeper.onboarding'), children: words.onboardingStatus[merchant.onboardingStatus][lang] },
          { key: 'payout', label: t('storekeeper.payouts'), children: words.payoutStatus[merchant.payoutStatus][lang] },
          { key: 'balance', label: t('storekeeper.balance'), children: formatEuro(merchant.balanceCents) },
          {
            key: 'bank',
            label: t('storekeeper.bankAccount'),
            children: merchant.bankAccount ? `${formatIban(merchant.bankAccount.iban)} (${merchant.bankAccount.holder})` : t('storekeeper.noBankAccount'),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 20 }}>
        {t('storekeeper.documents')}
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="kind"
        data-testid="sk-documents"
        dataSource={data.documents}
        columns={[
          { key: 'kind', title: t('storekeeper.document'), render: (_: unknown, row) => words.documentKind[row.kind][lang] },
          { key: 'status', title: t('storekeeper.status'), render: (_: unknown, row) => words.documentStatus[row.status][lang] },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 20 }}>
        {t('storekeeper.services')}
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        data-testid="sk-methods"
        dataSource={methods}
        columns={[
          { key: 'serviceId', title: t('storekeeper.serviceId'), render: (_: unknown, row) => row.service.id },
          { key: 'service', title: t('storekeeper.service'), render: (_: unknown, row) => row.service.name },
          { key: 'name', title: t('storekeeper.paymentMethod'), render: (_: unknown, row) => row.method.name },
          { key: 'status', title: t('storekeeper.status'), render: (_: unknown, row) => words.methodStatus[row.method.status][lang] },
        ]}
      />
    </>
  );
}

/** Read-only: the merchant, its onboarding documents and activated payment methods, from the cache with its age, and a refresh. */
export function StorekeeperPaymentsPage() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const now = useNow();
  const { message } = App.useApp();
  const { data, isLoading, refetch } = usePaymentsSnapshotQuery();
  const [refresh, refreshing] = useRefreshPaymentsMutation();
  const [problem, setProblem] = useState<string | null>(null);
  if (isLoading || !data) return null;

  async function fetchAgain() {
    const result = await refresh();
    if ('error' in result) return setProblem(isFailure(result.error) ? result.error.message : String(result.error));
    setProblem(null);
    void message.success(t('storekeeper.refreshed'));
    void refetch();
  }

  const snapshot = data.snapshot;
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary" data-testid="sk-age">
          {snapshot ? t('storekeeper.updated', { age: relativeAge(snapshot.fetchedAt, now, lang), date: formatDateTime(snapshot.fetchedAt, i18n.language) }) : t('storekeeper.never')}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void fetchAgain()} loading={refreshing.isLoading} disabled={!data.paired}>
          {t('storekeeper.refresh')}
        </Button>
      </Flex>
      {!data.paired && <Alert type="warning" showIcon message={t('storekeeper.notPaired')} data-testid="sk-not-paired" />}
      {problem && <Alert type="error" showIcon role="alert" message={t('storekeeper.refreshFailed')} description={problem} data-testid="sk-problem" />}
      {snapshot ? <Overview data={snapshot} /> : <Result status="info" title={t('storekeeper.never')} subTitle={t('storekeeper.neverBody')} />}
    </Flex>
  );
}
