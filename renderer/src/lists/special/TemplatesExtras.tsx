import { Alert, App, Button, Divider, Flex, Form, Segmented, Select, Typography, type FormInstance } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findTemplateKind } from '../../../../domain/lists/emailTemplates';
import type { ListItem } from '../../../../domain/lists/listItem';
import { useLang } from '../../app/useLang';
import { useSession } from '../../app/useSession';
import { isFailure } from '../../app/serverErrors';
import { RecipientForm } from '../../mail/RecipientForm';
import { usePreviewTemplateMutation, useResetTemplateMutation, useSendSampleMailMutation } from '../../store/api';
import type { ListExtras } from '../ListPage';

/** The preview as it would be mailed: rendered by the main process, shown in a sandboxed frame. */
function Preview({ kind, form }: { kind: string; form: FormInstance }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<'nl' | 'en'>('nl');
  const subject: unknown = Form.useWatch(language === 'nl' ? 'subjectNl' : 'subjectEn', form);
  const body: unknown = Form.useWatch(language === 'nl' ? 'bodyNl' : 'bodyEn', form);
  const [preview, { data, error }] = usePreviewTemplateMutation();

  useEffect(() => {
    const timer = window.setTimeout(() => void preview({ kind, subject: String(subject ?? ''), body: String(body ?? ''), variant: language }), 250);
    return () => window.clearTimeout(timer);
  }, [kind, subject, body, language, preview]);

  // A template problem is shown once, on the field it is in (named by its label), not repeated here.
  const problems = useMemo(() => (error && isFailure(error) ? (error.fields ?? []) : []), [error]);
  useEffect(() => {
    if (problems.length > 0) form.setFields(problems.map((problem) => ({ name: problem.field, errors: [problem.message] })));
  }, [problems, form]);

  const html = `<div style="font-family:system-ui,sans-serif;font-size:14px;white-space:pre-wrap;margin:12px">${data?.body ?? ''}</div>`;
  return (
    <section aria-labelledby="preview-title">
      <Flex align="center" gap={12}>
        <Typography.Title level={2} id="preview-title" style={{ fontSize: 16, margin: 0 }}>
          {t('templates.preview')}
        </Typography.Title>
        <Segmented aria-label={t('templates.previewLanguage')} size="small" value={language} onChange={(value) => setLanguage(value as 'nl' | 'en')} options={[{ label: 'NL', value: 'nl' }, { label: 'EN', value: 'en' }]} />
      </Flex>
      {problems.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="template-preview-waiting">
          {t('templates.previewWaits')}
        </Typography.Paragraph>
      ) : error && isFailure(error) ? (
        <Alert type="error" showIcon role="alert" message={error.message} style={{ marginTop: 12 }} />
      ) : (
        <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, marginTop: 12 }} data-testid="template-preview">
          <div style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0', fontWeight: 600 }} data-testid="template-preview-subject">
            {data?.subject ?? ''}
          </div>
          <iframe title={t('templates.preview')} sandbox="" srcDoc={html} style={{ width: '100%', height: 260, border: 0 }} />
        </div>
      )}
      <SendSample kind={kind} variant={language} subject={String(subject ?? '')} body={String(body ?? '')} />
    </section>
  );
}

/** Sends the template as it is being edited, with the sample data, through the shop's mail server. */
function SendSample({ kind, variant, subject, body }: { kind: string; variant: 'nl' | 'en'; subject: string; body: string }) {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const [to, setTo] = useState(session?.email ?? '');
  const [send, { data, error, isLoading, reset }] = useSendSampleMailMutation();
  return (
    <div style={{ marginTop: 12 }}>
      <RecipientForm
        label={t('mail.sampleTo')}
        sendLabel={t('mail.sendSample')}
        to={to}
        onToChange={(next) => {
          setTo(next);
          reset();
        }}
        onSend={() => void send({ kind, to, subject, body, variant })}
        sending={isLoading}
        sentMessage={data && t('mail.sampleSent', { answer: data.answer })}
        error={error}
        disabled={!can('templates.edit')}
      />
    </div>
  );
}

function TemplateTools({ item, form }: { item: ListItem; form: FormInstance }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [reset] = useResetTemplateMutation();
  const [target, setTarget] = useState('bodyNl');
  const kind = findTemplateKind(item.id);
  const targets = ['subjectNl', 'bodyNl', 'subjectEn', 'bodyEn'].map((key) => ({ value: key, label: key.replace('subject', lang === 'nl' ? 'Onderwerp ' : 'Subject ').replace('body', lang === 'nl' ? 'Tekst ' : 'Body ').replace('Nl', '(NL)').replace('En', '(EN)') }));

  return (
    <>
      <Divider />
      <Flex gap={8} wrap align="center">
        <Select aria-label={t('templates.placeholderIn')} value={target} onChange={setTarget} options={targets} style={{ width: 180 }} />
        <Select
          aria-label={t('templates.placeholder')}
          placeholder={t('templates.placeholder')}
          value={null}
          showSearch
          options={(kind?.placeholders ?? []).map((name) => ({ value: name, label: `{{ ${name} }}` }))}
          onChange={(name: string) => form.setFieldValue(target, `${String(form.getFieldValue(target) ?? '')}{{ ${name} }}`)}
          style={{ width: 280 }}
        />
        <div style={{ flex: 1 }} />
        <Button
          onClick={async () => {
            const result = await reset({ kind: item.id });
            if (!('error' in result)) void message.success(t('templates.resetDone', { name: kind?.label[lang] ?? item.id }));
          }}
        >
          {t('templates.reset')}
        </Button>
      </Flex>
      <Divider />
      <Preview kind={item.id} form={form} />
    </>
  );
}

export function useTemplatesExtras(): ListExtras {
  const { t } = useTranslation();
  const lang = useLang();
  return {
    canAdd: false,
    canRemove: false,
    titleOf: (item) => findTemplateKind(item.id)?.label[lang] ?? item.id,
    extraColumns: [{ title: t('templates.audience'), render: (item) => t(`templates.audiences.${findTemplateKind(item.id)?.audience ?? 'customer'}`) }],
    drawerExtra: (item, form) => (item ? <TemplateTools item={item} form={form} /> : null),
  };
}
