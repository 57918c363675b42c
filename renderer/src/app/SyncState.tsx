import { CloudOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './formatDate';
import { useSyncStatusQuery } from '../store/api';

/** Always visible: whether a cloud is connected, how many changes wait, and since when. */
export function SyncState() {
  const { t, i18n } = useTranslation();
  const { data } = useSyncStatusQuery(undefined, { pollingInterval: 30_000 });
  if (!data) return null;
  const lines = [
    data.pending > 0 ? t('sync.pending', { count: data.pending }) : t('sync.allLocal'),
    data.oldestPendingAt ? t('sync.oldest', { date: formatDateTime(data.oldestPendingAt, i18n.language) }) : null,
    data.lastSyncAt ? t('sync.lastSync', { date: formatDateTime(data.lastSyncAt, i18n.language) }) : t('sync.never'),
    data.lastError ? t('sync.lastError', { error: data.lastError }) : null,
  ].filter(Boolean);
  return (
    <Tooltip title={lines.map((line) => <div key={line}>{line}</div>)}>
      <Tag
        icon={data.connected ? <CloudOutlined /> : <DisconnectOutlined />}
        color={data.connected ? 'green' : 'default'}
        data-testid="sync-state"
        tabIndex={0}
        // Gives way on a narrow window; the whole state is in the tooltip.
        style={{ flex: '0 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', marginInlineEnd: 0 }}
      >
        {data.connected ? t('sync.pending', { count: data.pending }) : `${t('sync.offline')} · ${t('sync.pending', { count: data.pending })}`}
      </Tag>
    </Tooltip>
  );
}
