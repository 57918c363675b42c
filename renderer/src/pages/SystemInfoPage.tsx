import { App, Button, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { describe as describeReason } from '../../../domain/messages';
import type { Lang } from '../../../domain/text';
import { formatDateTime } from '../app/formatDate';
import { PolicyPanel } from '../policy/PolicyPanel';
import { usePolicy } from '../policy/usePolicy';
import { useDiagnosticsMutation, useSystemInfoQuery } from '../store/api';
import { CloudPairing } from '../sync/CloudPairing';

/** Versions, database, backups and sync, for the shop and for whoever helps it; copyable as text. */
export function SystemInfoPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data } = useSystemInfoQuery();
  const [exportDiagnostics] = useDiagnosticsMutation();
  const policy = usePolicy();
  if (!data) return null;
  const none = t('system.none');
  const items = [
    [t('system.app'), data.versions.app],
    [t('system.electron'), data.versions.electron ?? t('system.notApplicable')],
    [t('system.chromium'), data.versions.chromium ?? navigator.userAgent.match(/Chrom(e|ium)\/([\d.]+)/)?.[2] ?? t('system.notApplicable')],
    [t('system.node'), data.versions.node],
    [t('system.os'), data.os],
    [t('system.host'), data.host === 'electron' ? t('system.hostElectron') : t('system.hostWeb')],
    [t('system.dbPath'), data.database.path],
    [t('system.dbSize'), `${(data.database.sizeBytes / 1024).toFixed(0)} kB`],
    [t('system.schema'), String(data.database.schemaVersion)],
    [t('system.backups'), t('system.backupsLine', { count: data.database.backups, dir: data.database.backupDir })],
    [t('system.lastBackup'), data.database.lastBackupAt ? formatDateTime(data.database.lastBackupAt, i18n.language) : none],
    [t('system.sync'), `${data.sync.connected ? '' : `${t('sync.offline')} · `}${t('sync.pending', { count: data.sync.pending })}`],
    [t('system.cloud'), data.sync.cloudAccount ?? none],
    [t('system.keychain'), data.keychain === 'present' ? t('system.keychainPresent') : describeReason('keychain_missing', i18n.language as Lang)],
  ] as const;
  const asText = items.map(([label, value]) => `${label}: ${value}`).join('\n');

  return (
    <>
      <Descriptions bordered column={1} size="small" items={items.map(([label, value]) => ({ key: label, label, children: value }))} />
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button
          onClick={async () => {
            await navigator.clipboard.writeText(asText);
            void message.success(t('system.copied'));
          }}
        >
          {t('system.copy')}
        </Button>
        {!policy.isFeatureOff('diagnosticsExport') && (
          <Button
            onClick={async () => {
              const result = await exportDiagnostics();
              if ('error' in result) return;
              const link = document.createElement('a');
              link.href = URL.createObjectURL(new Blob([JSON.stringify(result.data, null, 2)], { type: 'application/json' }));
              link.download = `backoffice-diagnose-${result.data.createdAt.slice(0, 10)}.json`;
              link.click();
              URL.revokeObjectURL(link.href);
            }}
          >
            {t('system.export')}
          </Button>
        )}
      </Flex>
      <CloudPairing />
      <PolicyPanel />
    </>
  );
}
