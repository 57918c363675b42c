import { App, Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../electron/api/table';
import { formatDateTime } from '../app/formatDate';
import { isFailure } from '../app/serverErrors';
import { useSession } from '../app/useSession';
import { useDiscardMailMutation, useResendMailMutation, useSentMailQuery } from '../store/api';

type SentMailRow = CallOutput<'mail.list'>[number];

const stateColors: Record<SentMailRow['state'], string> = { queued: 'gold', sending: 'blue', sent: 'green', failed: 'red', discarded: 'default' };

/** Verzonden e-mail: recent mails with state, attempts and the server's last answer; resend or discard. */
export function SentMail() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const { data = [], isLoading } = useSentMailQuery();
  const [resend] = useResendMailMutation();
  const [discard] = useDiscardMailMutation();

  async function act(run: Promise<{ error?: unknown }>, done: string) {
    const result = await run;
    if (result.error) void message.error(isFailure(result.error) ? result.error.message : String(result.error));
    else void message.success(done);
  }

  return (
    <section aria-labelledby="sent-mail-title" style={{ marginTop: 32 }}>
      <Typography.Title level={2} id="sent-mail-title" style={{ fontSize: 18 }}>
        {t('mail.sentTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('mail.sentHelp')}</Typography.Paragraph>
      <Table<SentMailRow>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        // antd's grey placeholder text is below WCAG contrast; the sentence is in normal text colour.
        locale={{ emptyText: <Typography.Text>{t('mail.none')}</Typography.Text> }}
        data-testid="sent-mail"
        columns={[
          { title: t('mail.when'), render: (_, mail) => formatDateTime(mail.createdAt, i18n.language), width: 170 },
          { title: t('mail.to'), dataIndex: 'to' },
          { title: t('mail.subject'), dataIndex: 'subject' },
          {
            title: t('mail.state'),
            render: (_, mail) => (
              <Flex gap={4} wrap>
                <Tag color={stateColors[mail.state]}>{t(`mail.states.${mail.state}`)}</Tag>
                {mail.interrupted && (
                  <Tooltip title={t('mail.possiblyTwiceHelp')}>
                    <Tag color="orange">{t('mail.possiblyTwice')}</Tag>
                  </Tooltip>
                )}
              </Flex>
            ),
          },
          { title: t('mail.attempts'), dataIndex: 'attempts', width: 90 },
          {
            title: t('mail.answer'),
            render: (_, mail) => (
              <>
                {mail.problem && <Typography.Text>{mail.problem} </Typography.Text>}
                {mail.lastAnswer && !mail.problem?.includes(mail.lastAnswer) && <Typography.Text code>{mail.lastAnswer}</Typography.Text>}
                {mail.nextAttemptAt && <div>{t('mail.nextAttempt', { when: formatDateTime(mail.nextAttemptAt, i18n.language) })}</div>}
              </>
            ),
          },
          {
            title: '',
            width: 120,
            render: (_, mail) =>
              can('email.edit') && (
                <Flex vertical gap={4}>
                  {mail.state !== 'sending' && (
                    <Button size="small" onClick={() => void act(resend({ id: mail.id }), t('mail.resent'))}>
                      {t('mail.resend')}
                    </Button>
                  )}
                  {(mail.state === 'queued' || mail.state === 'failed') && (
                    <Popconfirm title={t('mail.discardConfirm')} okText={t('list.yes')} cancelText={t('list.no')} onConfirm={() => act(discard({ id: mail.id }), t('mail.discarded'))}>
                      <Button size="small">
                        {t('mail.discard')}
                      </Button>
                    </Popconfirm>
                  )}
                </Flex>
              ),
          },
        ]}
      />
    </section>
  );
}
