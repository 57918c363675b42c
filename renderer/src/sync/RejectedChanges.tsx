import { App, Button, Card, Flex, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../electron/api/table';
import { formatDateTime } from '../app/formatDate';
import { useLang } from '../app/useLang';
import { useDiscardRejectedMutation, useRejectedChangesQuery, useReviseRejectedMutation } from '../store/api';
import { fieldDef, isTypable, typedValue, valueText } from './valueText';

/** Changes the cloud refused for good: the reason, and "aanpassen" or "weggooien". */
export function RejectedChanges() {
  const { t } = useTranslation();
  const rejected = useRejectedChangesQuery();
  if (!rejected.data || rejected.data.length === 0) return null;
  return (
    <section aria-labelledby="rejected-title" style={{ marginTop: 32 }}>
      <Typography.Title level={2} id="rejected-title" style={{ fontSize: 18 }}>
        {t('conflicts.rejectedTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('conflicts.rejectedIntro')}</Typography.Paragraph>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {rejected.data.map((change) => (
          <RejectedCard key={change.mutationId} change={change} />
        ))}
      </Space>
    </section>
  );
}

function RejectedCard({ change }: { change: CallOutput<'sync.rejected'>[number] }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [discard] = useDiscardRejectedMutation();
  const [revise, { isLoading }] = useReviseRejectedMutation();
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const typable = change.changes.filter((entry) => isTypable(fieldDef(change.collection, change.recordId, entry.field)));

  async function saveRevision() {
    if (!draft) return;
    setProblem(null);
    const changes = Object.fromEntries(Object.entries(draft).map(([field, text]) => [field, typedValue(fieldDef(change.collection, change.recordId, field), text)]));
    const result = await revise({ mutationId: change.mutationId, changes });
    if ('error' in result) {
      const error = result.error as { message: string; fields?: { message: string }[] };
      setProblem(error.fields?.map((field) => field.message).join(' ') || error.message);
      return;
    }
    void message.success(t('conflicts.revised'));
  }

  return (
    <Card size="small" title={`${change.recordLabel} · ${formatDateTime(change.createdAt, i18n.language)}`} data-testid="rejected-change">
      <Typography.Paragraph type="danger">{t('conflicts.reason', { reason: change.reason })}</Typography.Paragraph>
      <List
        size="small"
        dataSource={change.changes}
        renderItem={(entry) => (
          <List.Item>
            <Typography.Text strong>{entry.label}</Typography.Text>: {valueText(change.collection, change.recordId, entry.field, entry.value, lang)}
          </List.Item>
        )}
      />
      {draft && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          {typable.map((entry) => (
            <Input key={entry.field} addonBefore={entry.label} aria-label={entry.label} value={draft[entry.field] ?? ''} onChange={(event) => setDraft({ ...draft, [entry.field]: event.target.value })} />
          ))}
        </Space>
      )}
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
      <Flex gap={8} style={{ marginTop: 12 }}>
        {draft ? (
          <Button type="primary" loading={isLoading} onClick={() => void saveRevision()}>
            {t('conflicts.save')}
          </Button>
        ) : (
          typable.length > 0 && (
            <Button type="primary" onClick={() => setDraft(Object.fromEntries(typable.map((entry) => [entry.field, entry.value === null || entry.value === undefined ? '' : String(entry.value)])))}>
              {t('conflicts.revise')}
            </Button>
          )
        )}
        <Button
          danger
          onClick={async () => {
            const result = await discard({ mutationId: change.mutationId });
            if (!('error' in result)) void message.success(t('conflicts.discarded'));
          }}
        >
          {t('conflicts.discard')}
        </Button>
      </Flex>
    </Card>
  );
}
