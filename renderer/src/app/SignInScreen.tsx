import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignInMutation } from '../store/api';
import { CenteredCard } from './CenteredCard';
import { showServerErrors } from './serverErrors';

interface SignInValues {
  email: string;
  password: string;
}

export function SignInScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignInValues>();
  const [signIn, { isLoading }] = useSignInMutation();
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(values: SignInValues) {
    setProblem(null);
    const result = await signIn({ email: values.email ?? '', password: values.password ?? '' });
    if ('error' in result) {
      setProblem(showServerErrors(form, result.error, []));
      form.setFieldValue('password', '');
    }
  }

  return (
    <CenteredCard title={t('signIn.title')}>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} name="signIn" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="email" label={t('signIn.email')}>
          <Input type="email" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('signIn.password')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isLoading} block>
          {t('signIn.submit')}
        </Button>
      </Form>
    </CenteredCard>
  );
}
