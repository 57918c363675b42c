import { Button, Flex, Layout, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSetPreferenceMutation, useSettingsSnapshotQuery } from '../store/api';
import { PrintMenu } from '../print/PrintMenu';
import { ChangePassword } from './ChangePassword';
import { SyncState } from './SyncState';
import { useSession } from './useSession';
import { useSignOut } from './useSignOut';

/**
 * App name, the shop's back-office name, language, sync state and who is signed in. On a narrow
 * window (1024 px) the texts that can be long (shop name, sync state, user name) give way with an
 * ellipsis, their full text in a tooltip, so every control stays on screen.
 */
export function TopBar() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const snapshot = useSettingsSnapshotQuery();
  const [setPreference] = useSetPreferenceMutation();
  const signOut = useSignOut();
  const backOfficeName = snapshot.data?.['company.general']?.values.backOfficeName;

  return (
    <Layout.Header style={{ background: '#1f6f5c', paddingInline: 16, height: 56, lineHeight: '56px' }}>
      <Flex align="center" gap={12} style={{ height: '100%', minWidth: 0 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, flex: 'none' }}>
          {t('app.name')}
        </Typography.Text>
        {typeof backOfficeName === 'string' && (
          <Typography.Text style={{ color: '#e6f4ef', minWidth: 0, flex: '0 1 auto' }} ellipsis={{ tooltip: backOfficeName }} data-testid="back-office-name">
            {backOfficeName}
          </Typography.Text>
        )}
        <div style={{ flex: '1 1 0', minWidth: 0 }} />
        <SyncState />
        <PrintMenu />
        <Segmented
          aria-label={t('top.language')}
          size="small"
          value={i18n.language === 'en' ? 'en' : 'nl'}
          options={[
            { label: 'NL', value: 'nl', title: 'Nederlands' },
            { label: 'EN', value: 'en', title: 'English' },
          ]}
          onChange={(value) => {
            void i18n.changeLanguage(value);
            void setPreference({ key: 'language', value: value as 'nl' | 'en' });
          }}
        />
        {session && (
          <Typography.Text style={{ color: '#fff', minWidth: 0, flex: '0 1 auto', maxWidth: 160 }} ellipsis title={t('top.signedInAs', { name: session.name })}>
            {session.name}
          </Typography.Text>
        )}
        {session && <ChangePassword />}
        <Button size="small" onClick={signOut}>
          {t('top.signOut')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
