import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../domain/settings/types';
import { useLang } from '../app/useLang';

interface Props {
  field: FieldDef;
  id?: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** A logo or PDF, kept as a data URL; the size and type are checked by the catalogue's schema. */
export function UploadControl({ field, id, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = field.label[lang];
  const accept = field.kind === 'pdf' ? 'application/pdf' : 'image/png,image/jpeg,image/svg+xml';

  return (
    <Flex vertical gap={8} align="flex-start">
      {value && field.kind === 'image' && <img src={value} alt={t('upload.preview', { label })} className="bo-logo-preview" />}
      {value && field.kind === 'pdf' && <Typography.Text>{t('upload.pdfChosen', { size: Math.round((value.length * 3) / 4 / 1024) })}</Typography.Text>}
      {!value && <Typography.Text type="secondary">{t('upload.none')}</Typography.Text>}
      <Flex gap={8} align="center">
        <input
          id={id}
          type="file"
          accept={accept}
          disabled={disabled}
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (file) onChange(await readAsDataUrl(file));
            event.target.value = '';
          }}
        />
        {value && (
          <Button size="small" onClick={() => onChange('')} disabled={disabled}>
            {t('upload.remove')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
