import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetupMutation } from '../store/api';
import { JoinShop } from '../sync/JoinShop';
import { CenteredCard } from './CenteredCard';
import { showServerErrors } from './serverErrors';

interface SetupValues {
  name: string;
  email: string;
  password: string;
  backOfficeName: string;
}

/** The first start: the first Administrator and the back office's name; nothing else is reachable before. */
export function SetupScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupValues>();
  const [setup, { isLoading }] = useSetupMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  async function submit(values: SetupValues) {
    setProblem(null);
    const result = await setup(values);
    if ('error' in result) setProblem(showServerErrors(form, result.error, ['name', 'email', 'password', 'backOfficeName']));
  }

  if (joining) return <JoinShop onCancel={() => setJoining(false)} />;
  return (
    <CenteredCard title={t('setup.title')}>
      <Typography.Paragraph>{t('setup.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} name="setup" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="backOfficeName" label={t('setup.backOfficeName')}>
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item name="name" label={t('setup.name')}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="email" label={t('setup.email')}>
          <Input type="email" autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('setup.password')} extra={t('setup.passwordHelp')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isLoading} block>
          {t('setup.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('pairing.joinIntro')}{' '}
        <Button type="link" onClick={() => setJoining(true)} style={{ paddingInline: 0 }}>
          {t('pairing.join')}
        </Button>
      </Typography.Paragraph>
    </CenteredCard>
  );
}
