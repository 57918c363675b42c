import { CheckOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaLabels, areas, rolePermissions } from '../../../../domain/access/permissions';
import { roles } from '../../../../domain/lists/users';
import type { ListItem } from '../../../../domain/lists/listItem';
import { isFailure } from '../../app/serverErrors';
import { useLang } from '../../app/useLang';
import { useSetPasswordMutation, useSetPinMutation, useUserCredentialsQuery } from '../../store/api';
import type { ListExtras } from '../ListPage';
import { usePolicy } from '../../policy/usePolicy';

/** Write-only: a password or PIN is sent once, hashed in the main process, never shown again. */
function CredentialsForm({ user }: { user: ListItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [setPassword, passwordCall] = useSetPasswordMutation();
  const [setPin, pinCall] = useSetPinMutation();
  const [password, setPasswordValue] = useState('');
  const [pin, setPinValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const name = String(user.values.name);

  async function run(call: Promise<{ error?: unknown } | { data: unknown }>, done: string, clear: () => void) {
    const result = await call;
    if ('error' in result && result.error) return setProblem(isFailure(result.error) ? result.error.message : String(result.error));
    setProblem(null);
    clear();
    void message.success(done);
  }

  return (
    <section aria-labelledby="credentials-title">
      <Divider />
      <Typography.Title level={2} id="credentials-title" style={{ fontSize: 16 }}>
        {t('users.credentials')}
      </Typography.Title>
      {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 12 }} />}
      <Flex vertical gap={8}>
        <label htmlFor="user-password">{t('users.password')}</label>
        <Flex gap={8}>
          <Input.Password id="user-password" value={password} onChange={(event) => setPasswordValue(event.target.value)} autoComplete="new-password" />
          <Button loading={passwordCall.isLoading} disabled={password === ''} onClick={() => void run(setPassword({ userId: user.id, password }), t('users.passwordSet', { name }), () => setPasswordValue(''))}>
            {t('users.setPassword')}
          </Button>
        </Flex>
        <label htmlFor="user-pin">{t('users.pin')}</label>
        <Flex gap={8}>
          <Input.Password id="user-pin" value={pin} onChange={(event) => setPinValue(event.target.value)} inputMode="numeric" autoComplete="off" style={{ maxWidth: 200 }} />
          <Button loading={pinCall.isLoading} disabled={pin === ''} onClick={() => void run(setPin({ userId: user.id, pin }), t('users.pinSet', { name }), () => setPinValue(''))}>
            {t('users.setPin')}
          </Button>
        </Flex>
      </Flex>
    </section>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The matrix exactly as dispatch enforces it: one row per part of the settings, one column per
 * role. Role names stand upright in narrow columns and each cell is one sign, so the nine roles
 * fit beside the settings tree on a 1024 px screen without a scroll area.
 */
function PermissionMatrix() {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = areas.map((area) => ({ key: area, area }));
  return (
    <section aria-labelledby="matrix-title">
      <Typography.Title level={2} id="matrix-title" style={{ fontSize: 16 }}>
        {t('users.matrix')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('users.matrixHelp')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        className="bo-role-matrix"
        dataSource={rows}
        columns={[
          { key: 'area', title: t('users.area'), render: (_: unknown, row: { area: (typeof areas)[number] }) => capitalise(areaLabels[row.area][lang].replace(/^(de|the) /, '')) },
          ...roles.map((role) => ({
            key: role.value,
            align: 'center' as const,
            title: <span className="bo-upright">{`${role.label[lang]}${role.posOnly ? ` (${t('users.posOnly')})` : ''}`}</span>,
            render: (_: unknown, row: { area: (typeof areas)[number] }) => {
              const granted = rolePermissions[role.value];
              if (granted.includes(`${row.area}.edit`)) return <CheckOutlined className="bo-grant-edit" role="img" aria-label={t('users.edit')} title={t('users.edit')} />;
              if (granted.includes(`${row.area}.view`)) return <EyeOutlined className="bo-grant-view" role="img" aria-label={t('users.view')} title={t('users.view')} />;
              return <span role="img" aria-label={t('users.none')} title={t('users.none')}>—</span>;
            },
          })),
        ]}
      />
    </section>
  );
}

export function useUsersExtras(): ListExtras {
  const { t } = useTranslation();
  const credentials = useUserCredentialsQuery();
  const policy = usePolicy();
  return {
    // IT may switch adding users off; the main process refuses it too.
    canAdd: !policy.isFeatureOff('addUsers'),
    extraColumns: [
      {
        title: t('users.credentials'),
        render: (item) => {
          const kinds = credentials.data?.[item.id] ?? [];
          if (kinds.length === 0) return <Typography.Text type="secondary">{t('users.noCredentials')}</Typography.Text>;
          return kinds.map((kind) => <Tag key={kind}>{kind === 'password' ? t('users.hasPassword') : t('users.hasPin')}</Tag>);
        },
      },
    ],
    drawerExtra: (item) => (item ? <CredentialsForm user={item} /> : null),
    footer: <PermissionMatrix />,
  };
}
