import { Alert, Button, Flex, Input, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFailure } from '../app/serverErrors';
import { useSession } from '../app/useSession';
import { useSendTestMailMutation } from '../store/api';

/** E-mailinstellingen › Test-e-mail versturen: to a typed address, by default the signed-in user's. */
export function TestMail() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const inputId = useId();
  const [to, setTo] = useState(session?.email ?? '');
  const [send, { data, error, isLoading, reset }] = useSendTestMailMutation();

  useEffect(() => {
    if (session?.email) setTo((current) => current || session.email);
  }, [session?.email]);

  return (
    <section aria-labelledby="test-mail-title" style={{ marginTop: 32 }}>
      <Typography.Title level={2} id="test-mail-title" style={{ fontSize: 18 }}>
        {t('mail.testTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('mail.testHelp')}</Typography.Paragraph>
      <Flex gap={8} align="end" wrap>
        <div>
          <label htmlFor={inputId} style={{ display: 'block', marginBottom: 4 }}>
            {t('mail.recipient')}
          </label>
          <Input
            id={inputId}
            type="email"
            value={to}
            onChange={(event) => {
              setTo(event.target.value);
              reset();
            }}
            style={{ width: 320 }}
            disabled={!can('email.edit')}
          />
        </div>
        <Button type="primary" loading={isLoading} disabled={!can('email.edit')} onClick={() => void send({ to })}>
          {t('mail.sendTest')}
        </Button>
      </Flex>
      {data && <Alert type="success" showIcon role="status" style={{ marginTop: 12 }} message={t('mail.sent', { answer: data.answer })} />}
      {error && isFailure(error) && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} message={error.message} />}
    </section>
  );
}
