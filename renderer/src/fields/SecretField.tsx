import { Alert, App, Button, Flex, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../domain/settings/types';
import { formatDateTime } from '../app/formatDate';
import { isFailure } from '../app/serverErrors';
import { useLang } from '../app/useLang';
import { useClearSecretMutation, useSecretStatusQuery, useSetSecretMutation } from '../store/api';

interface Props {
  groupKey: string;
  field: FieldDef;
  disabled: boolean;
}

/**
 * A secret is set, replaced or cleared on its own, straight into the OS keychain; it is never
 * part of the form, never shown, and the window only learns whether it is set and since when.
 */
export function SecretField({ groupKey, field, disabled }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const purpose = `settings:${groupKey}.${field.key}`;
  const label = field.label[lang];
  const status = useSecretStatusQuery({ purpose });
  const [setSecret, setting] = useSetSecretMutation();
  const [clearSecret] = useClearSecretMutation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = `secret-${groupKey}-${field.key}`;

  async function save() {
    const result = await setSecret({ purpose, value });
    if ('error' in result) return setProblem(isFailure(result.error) ? result.error.message : String(result.error));
    setValue('');
    setEditing(false);
    setProblem(null);
    void message.success(t('secret.saved', { label }));
  }

  const keychainProblem = status.error && isFailure(status.error) ? status.error.message : null;
  const isSet = status.data?.set === true;

  return (
    <div data-field={field.key}>
    <Form.Item label={label} htmlFor={inputId} extra={field.help?.[lang]}>
      <Flex vertical gap={8} style={{ maxWidth: 480 }}>
        <Flex gap={8} align="center">
          <Tag color={isSet ? 'green' : 'default'} data-testid={`secret-status-${field.key}`}>
            {isSet ? (status.data?.setAt ? t('secret.setOn', { date: formatDateTime(status.data.setAt, lang) }) : t('secret.set')) : t('secret.notSet')}
          </Tag>
          {!editing && (
            <Button size="small" onClick={() => setEditing(true)} disabled={disabled || !!keychainProblem} id={editing ? undefined : inputId}>
              {isSet ? t('secret.replace') : t('secret.enter')}
            </Button>
          )}
          {!editing && isSet && (
            <Button
              size="small"
              danger
              disabled={disabled}
              onClick={() =>
                modal.confirm({
                  title: t('secret.clearConfirm', { label }),
                  okText: t('secret.clear'),
                  cancelText: t('secret.cancel'),
                  onOk: async () => {
                    await clearSecret({ purpose });
                    void message.success(t('secret.cleared', { label }));
                  },
                })
              }
            >
              {t('secret.clear')}
            </Button>
          )}
        </Flex>
        {editing && (
          <Flex gap={8}>
            <Input.Password id={inputId} aria-label={t('secret.newValue', { label })} value={value} onChange={(event) => setValue(event.target.value)} autoComplete="new-password" autoFocus onPressEnter={() => void save()} />
            <Button type="primary" onClick={() => void save()} loading={setting.isLoading} disabled={value === ''}>
              {t('secret.save')}
            </Button>
            <Button onClick={() => (setEditing(false), setValue(''), setProblem(null))}>{t('secret.cancel')}</Button>
          </Flex>
        )}
        {(problem ?? keychainProblem) && <Alert type="warning" showIcon message={problem ?? keychainProblem} role="alert" />}
      </Flex>
    </Form.Item>
    </div>
  );
}
