import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentOf } from '../../../domain/attachments';
import type { FieldDef } from '../../../domain/settings/types';
import { AttachmentImage } from '../attachments/AttachmentImage';
import { useLang } from '../app/useLang';
import { useUploadAttachmentMutation } from '../store/api';

interface Props {
  field: FieldDef;
  /** The settings group the field belongs to; the upload is checked against its field there. */
  group: string;
  id?: string;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled?: boolean;
}

/** The file's bytes as base64, the way the api carries them over IPC and HTTP alike. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/**
 * A logo or PDF. A chosen file is stored right away (checked by its real type and size) and
 * the field then holds only its reference, so saving the form sends a few bytes, not the file.
 */
export function UploadControl({ field, group, id, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [upload, uploading] = useUploadAttachmentMutation();
  const [refusal, setRefusal] = useState<string | null>(null);
  const label = field.label[lang];
  const ref = attachmentOf(value);
  const accept = field.kind === 'pdf' ? 'application/pdf' : 'image/png,image/jpeg,image/svg+xml';

  return (
    <Flex vertical gap={8} align="flex-start">
      {ref && field.kind === 'image' && <AttachmentImage value={ref} alt={t('upload.preview', { label })} className="bo-logo-preview" />}
      {ref && field.kind === 'pdf' && <Typography.Text>{t('upload.pdfChosen', { name: ref.name, size: Math.round(ref.size / 1024) })}</Typography.Text>}
      {!ref && <Typography.Text type="secondary">{t('upload.none')}</Typography.Text>}
      {uploading.isLoading && <Typography.Text type="secondary">{t('upload.uploading')}</Typography.Text>}
      {refusal && (
        <Typography.Text type="danger" role="alert" data-testid="upload-refused">
          {refusal}
        </Typography.Text>
      )}
      <Flex gap={8} align="center">
        <input
          id={id}
          type="file"
          accept={accept}
          disabled={disabled || uploading.isLoading}
          onChange={async (event) => {
            const input = event.target;
            const file = input.files?.[0];
            input.value = '';
            if (!file) return;
            const answer = await upload({ group, field: field.key, name: file.name, data: await base64Of(file) });
            if ('error' in answer) {
              const error = answer.error as { message?: string; fields?: { message: string }[] };
              setRefusal(error.fields?.[0]?.message ?? error.message ?? null);
              return;
            }
            setRefusal(null);
            onChange(answer.data);
          }}
        />
        {ref && (
          <Button size="small" onClick={() => onChange(null)} disabled={disabled}>
            {t('upload.remove')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
