import { App, Button, Card, Descriptions, Empty, Flex, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../electron/api/table';
import { formatDateTime } from '../app/formatDate';
import { useLang } from '../app/useLang';
import { useConflictsQuery, useResolveConflictMutation } from '../store/api';
import { RejectedChanges } from './RejectedChanges';
import { fieldDef, isTypable, typedValue, valueText } from './valueText';

/** Conflicten: per field the original, this workstation's and the cloud's value side by side. */
export function ConflictsPage() {
  const { t } = useTranslation();
  const conflicts = useConflictsQuery();
  return (
    <article aria-labelledby="section-title">
      <Typography.Title level={1} id="section-title" style={{ fontSize: 22, marginTop: 8 }}>
        {t('conflicts.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('conflicts.intro')}</Typography.Paragraph>
      {conflicts.data && conflicts.data.length === 0 && <Empty description={t('conflicts.none')} />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {conflicts.data?.map((conflict) => <ConflictCard key={conflict.id} conflict={conflict} />)}
      </Space>
      <RejectedChanges />
    </article>
  );
}

function ConflictCard({ conflict }: { conflict: CallOutput<'sync.conflicts'>[number] }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [resolve, { isLoading }] = useResolveConflictMutation();
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const def = fieldDef(conflict.collection, conflict.recordId, conflict.field);
  const show = (value: unknown) =>
    conflict.kind === 'deleted' ? (value === true ? t('conflicts.deleted') : t('conflicts.kept')) : valueText(conflict.collection, conflict.recordId, conflict.field, value, lang);
  const who = (name: string, at: string | null) => (at ? t('conflicts.by', { who: name || '—', date: formatDateTime(at, i18n.language) }) : name);

  async function choose(choice: Parameters<typeof resolve>[0]['choice']) {
    setProblem(null);
    const result = await resolve({ id: conflict.id, choice });
    if ('error' in result) {
      const error = result.error as { message: string; fields?: { message: string }[] };
      setProblem(error.fields?.[0]?.message ?? error.message);
      return;
    }
    void message.success(t('conflicts.resolved'));
  }

  const title = `${conflict.recordLabel} › ${conflict.fieldLabel}`;
  return (
    <Card size="small" title={title} data-testid="conflict" aria-label={title}>
      <Descriptions
        size="small"
        bordered
        column={3}
        layout="vertical"
        items={[
          { key: 'base', label: t('conflicts.base'), children: show(conflict.base) },
          { key: 'mine', label: t('conflicts.mine'), children: <ValueWithWho value={show(conflict.mine)} who={who(conflict.mineBy, conflict.mineAt)} /> },
          { key: 'theirs', label: t('conflicts.theirs'), children: <ValueWithWho value={show(conflict.theirs)} who={who(conflict.theirBy, conflict.theirAt)} /> },
        ]}
      />
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button type="primary" loading={isLoading} onClick={() => void choose({ choose: 'mine' })}>
          {t('conflicts.keepMine')}
        </Button>
        <Button loading={isLoading} onClick={() => void choose({ choose: 'theirs' })}>
          {t('conflicts.keepTheirs')}
        </Button>
        {isTypable(def) && editing === null && <Button onClick={() => setEditing(typeof conflict.theirs === 'string' || typeof conflict.theirs === 'number' ? String(conflict.theirs) : '')}>{t('conflicts.edit')}</Button>}
        {editing !== null && (
          <Space.Compact>
            <Input aria-label={conflict.fieldLabel} value={editing} onChange={(event) => setEditing(event.target.value)} style={{ width: 280 }} />
            <Button type="primary" loading={isLoading} onClick={() => void choose({ choose: 'value', value: typedValue(def, editing) })}>
              {t('conflicts.save')}
            </Button>
          </Space.Compact>
        )}
      </Flex>
    </Card>
  );
}

function ValueWithWho({ value, who }: { value: string; who: string }) {
  return (
    <>
      <div style={{ whiteSpace: 'pre-wrap' }}>{value}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {who}
      </Typography.Text>
    </>
  );
}
