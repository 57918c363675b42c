import { CloudOutlined, DisconnectOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { conflictsSection } from '../sync/conflictsSection';
import { useSyncNowMutation, useSyncStatusQuery } from '../store/api';
import { formatDateTime } from './formatDate';
import { useNavigation } from './useNavigation';

/**
 * Always visible: paired or not (or "ontkoppeld"), how many changes wait and since when, the last
 * sync and last error, open conflicts, and "Nu synchroniseren". Refreshed by the engine's events.
 */
export function SyncState() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const go = useNavigation();
  const { data } = useSyncStatusQuery(undefined, { pollingInterval: 30_000 });
  const [syncNow, { isLoading }] = useSyncNowMutation();
  if (!data) return null;
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  const lines = [
    data.cloudAccount ? t('sync.account', { name: data.cloudAccount }) : t('sync.notPaired'),
    data.pending > 0 ? t('sync.pending', { count: data.pending }) : t('sync.allLocal'),
    data.oldestPendingAt ? t('sync.oldest', { date: date(data.oldestPendingAt) }) : null,
    data.lastSyncAt ? t('sync.lastSync', { date: date(data.lastSyncAt) }) : t('sync.never'),
    data.lastError ? t('sync.lastError', { error: data.lastError }) : null,
    data.nextAttemptAt && data.lastError ? t('sync.nextAttempt', { date: date(data.nextAttemptAt) }) : null,
    data.state === 'unpaired' ? t('sync.unpairedBody') : null,
  ].filter((line): line is string => line !== null);
  const busy = isLoading || data.progress !== null;
  const label =
    data.state === 'unpaired'
      ? `${t('sync.unpaired')} · ${t('sync.pending', { count: data.pending })}`
      : data.state === 'notPaired'
        ? `${t('sync.offline')} · ${t('sync.pending', { count: data.pending })}`
        : t('sync.pending', { count: data.pending });
  const icon = data.state === 'unpaired' ? <ExclamationCircleOutlined /> : data.state === 'paired' ? <CloudOutlined /> : <DisconnectOutlined />;
  const color = data.state === 'unpaired' ? 'red' : data.state === 'paired' ? (data.lastError ? 'orange' : 'green') : 'default';

  async function runNow() {
    const result = await syncNow();
    if ('error' in result) return;
    const { outcome } = result.data;
    if (outcome.status === 'synced') void message.success(t('sync.synced'));
    else if (outcome.status === 'retrying') void message.warning(t('sync.lastError', { error: outcome.error }));
    else if (outcome.status === 'unpaired') void message.error(t('sync.unpairedBody'));
  }

  return (
    // Gives way on a narrow window (the state's tag ends in an ellipsis); the whole state is in the tooltip.
    <Flex align="center" gap={6} data-testid="sync-bar" data-sync-state={data.state} data-pending={data.pending} data-conflicts={data.conflicts} style={{ flex: '0 1 auto', minWidth: 0 }}>
      <Tooltip title={lines.map((line) => <div key={line}>{line}</div>)}>
        <Tag
          icon={icon}
          color={color}
          data-testid="sync-state"
          tabIndex={0}
          aria-label={lines.join('. ')}
          style={{ marginInlineEnd: 0, flex: '0 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {label}
        </Tag>
      </Tooltip>
      {data.conflicts + data.rejected > 0 && (
        <Tag color="volcano" style={{ cursor: 'pointer', marginInlineEnd: 0 }} role="link" tabIndex={0} onClick={() => go(conflictsSection)} onKeyDown={(event) => event.key === 'Enter' && go(conflictsSection)}>
          {[data.conflicts > 0 ? t('sync.conflicts', { count: data.conflicts }) : null, data.rejected > 0 ? t('sync.rejected', { count: data.rejected }) : null].filter(Boolean).join(' · ')}
        </Tag>
      )}
      {data.state === 'paired' && (
        <Button size="small" icon={<SyncOutlined spin={busy} />} loading={false} disabled={busy} onClick={() => void runNow()}>
          {busy ? t('sync.syncing') : t('sync.syncNow')}
        </Button>
      )}
    </Flex>
  );
}
