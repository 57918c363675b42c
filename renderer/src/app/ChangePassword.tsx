import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePasswordMutation } from '../store/api';
import { showServerErrors } from './serverErrors';

interface Values {
  currentPassword: string;
  newPassword: string;
}

/** The signed-in user changes their own password; the current one is asked first, and their other sessions end. */
export function ChangePassword() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [changePassword, { isLoading }] = useChangePasswordMutation();

  function close() {
    setOpen(false);
    setProblem(null);
    form.resetFields();
  }

  async function submit(values: Values) {
    const result = await changePassword({ currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' });
    if ('error' in result) return setProblem(showServerErrors(form, result.error, ['currentPassword', 'newPassword']));
    close();
    void message.success(t('password.changed'));
  }

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('password.change')}
      </Button>
      <Modal open={open} title={t('password.change')} onCancel={close} okText={t('password.save')} cancelText={t('password.cancel')} confirmLoading={isLoading} onOk={() => form.submit()} destroyOnHidden>
        {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 12 }} />}
        <Form form={form} name="changePassword" layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('password.current')}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rules')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
