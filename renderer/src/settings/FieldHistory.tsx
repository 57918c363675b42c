import { HistoryOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/formatDate';
import { useFieldHistoryQuery } from '../store/api';

function shown(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value.startsWith('data:') ? '[bestand]' : value;
  return JSON.stringify(value);
}

function HistoryList({ group, field }: { group: string; field: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useFieldHistoryQuery({ group, field });
  if (!data) return null;
  if (data.length === 0) return <Typography.Text type="secondary">{t('form.historyEmpty')}</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingLeft: 18, maxWidth: 420 }}>
      {data.map((entry) => (
        <li key={`${entry.at}-${entry.by}`}>
          {t('form.historyLine', { date: formatDateTime(entry.at, i18n.language), by: entry.by, from: shown(entry.oldValue, t('form.empty')), to: shown(entry.newValue, t('form.empty')) })}
        </li>
      ))}
    </ol>
  );
}

/** Who changed this field when, from the history table; loaded only when asked for. */
export function FieldHistory({ group, field, label }: { group: string; field: string; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" title={t('form.historyTitle', { field: label })} content={open ? <HistoryList group={group} field={field} /> : null}>
      <Button type="text" size="small" icon={<HistoryOutlined />} aria-label={t('form.historyTitle', { field: label })} />
    </Popover>
  );
}
