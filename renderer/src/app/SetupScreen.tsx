import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findCollection, findGroup } from '../../../domain/settings/catalogue';
import type { FieldDef } from '../../../domain/settings/types';
import type { Text } from '../../../domain/text';
import { useSetupMutation } from '../store/api';
import { JoinShop } from '../sync/JoinShop';
import { AntdFrame } from './AntdFrame';
import { CenteredCard } from './CenteredCard';
import { showServerErrors } from './serverErrors';
import { useLang } from './useLang';

interface SetupValues {
  name: string;
  email: string;
  password: string;
  backOfficeName: string;
}

const fieldKeys = ['backOfficeName', 'name', 'email', 'password'] as const;
const empty: SetupValues = { name: '', email: '', password: '', backOfficeName: '' };

/**
 * The catalogue's labels, which the main process names in its messages: "Naam backoffice is
 * verplicht." then sits under a field called Naam backoffice, never under an internal key.
 */
function catalogueLabel(fields: readonly FieldDef[] | undefined, key: string): Text {
  const label = fields?.find((field) => field.key === key)?.label;
  if (!label) throw new Error(`the catalogue has no field ${key} for the setup screen`);
  return label;
}
const labels = {
  backOfficeName: catalogueLabel(findGroup('company.general')?.fields, 'backOfficeName'),
  name: catalogueLabel(findCollection('users')?.fields, 'name'),
  email: catalogueLabel(findCollection('users')?.fields, 'email'),
};

/** The first start: the first Administrator and the back office's name; nothing else is reachable before. */
export function SetupScreen() {
  return (
    <AntdFrame>
      <SetupForm />
    </AntdFrame>
  );
}

function SetupForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<SetupValues>();
  const [setup, { isLoading }] = useSetupMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  async function submit(values: SetupValues) {
    setProblem(null);
    // Every field is sent, empty or not, so the main process names what is missing by its label.
    const result = await setup({ ...empty, ...values });
    if ('error' in result) setProblem(showServerErrors(form, result.error, fieldKeys));
  }

  if (joining) return <JoinShop onCancel={() => setJoining(false)} />;
  return (
    <CenteredCard title={t('setup.title')}>
      <Typography.Paragraph>{t('setup.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        name="setup"
        layout="vertical"
        initialValues={empty}
        onFinish={submit}
        requiredMark={false}
        // A field the user changes after a refusal loses its refusal; the others keep theirs until the next try.
        onValuesChange={(changed: Partial<SetupValues>) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof SetupValues, errors: [] })))}
      >
        <Form.Item name="backOfficeName" label={labels.backOfficeName[lang]}>
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item name="name" label={labels.name[lang]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="email" label={labels.email[lang]}>
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
