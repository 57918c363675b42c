import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/useSession';
import { useSendTestMailMutation } from '../store/api';
import { RecipientForm } from './RecipientForm';

/** E-mailinstellingen › Test-e-mail versturen: to a typed address, by default the signed-in user's. */
export function TestMail() {
  const { t } = useTranslation();
  const { session, can } = useSession();
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
      <RecipientForm
        label={t('mail.recipient')}
        sendLabel={t('mail.sendTest')}
        to={to}
        onToChange={(next) => {
          setTo(next);
          reset();
        }}
        onSend={() => void send({ to })}
        sending={isLoading}
        sentMessage={data && t('mail.sent', { answer: data.answer })}
        error={error}
        disabled={!can('email.edit')}
        primary
      />
    </section>
  );
}
