import { LockOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../app/useLang';
import { usePolicy } from './usePolicy';

const shown = (value: string | number | boolean) => (typeof value === 'boolean' ? (value ? '✓' : '✗') : String(value));

/** Systeeminformatie › Beleid: where a policy was looked for, what it fixes and what was ignored. */
export function PolicyPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { state } = usePolicy();
  if (!state) return null;
  return (
    <section aria-labelledby="policy-title" data-testid="policy-panel" style={{ marginTop: 24 }}>
      <Typography.Title level={4} id="policy-title">
        <LockOutlined aria-hidden /> {t('policy.title')}
      </Typography.Title>
      <Descriptions
        bordered
        column={1}
        size="small"
        title={t('policy.sources')}
        items={state.sources.map((source) => ({
          key: source.where,
          label: t(`policy.${source.kind}`),
          children: `${source.where} (${source.present ? t('policy.present') : t('policy.absent')})`,
        }))}
      />
      {state.entries.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('policy.none')}
        </Typography.Paragraph>
      ) : (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={state.entries}
          columns={[
            { title: t('policy.setting'), key: 'label', render: (_, entry) => entry.label[lang] },
            { title: t('policy.value'), key: 'value', render: (_, entry) => shown(entry.value) },
            { title: t('policy.source'), key: 'source', render: (_, entry) => t(`policy.${entry.source}`) },
          ]}
        />
      )}
      {state.problems.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message={t('policy.problems')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {state.problems.map((problem) => (
                <li key={`${problem.source}:${problem.key}`}>{problem.message[lang]}</li>
              ))}
            </ul>
          }
        />
      )}
    </section>
  );
}
