import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttachment } from './useAttachment';

/**
 * An image upload (logo, receipt logo) wherever it is shown: the picture once it is here, a
 * plain "nog niet gedownload" while it is still only in the cloud, nothing when none is set.
 */
export function AttachmentImage({ value, alt, style, className }: { value: unknown; alt: string; style?: CSSProperties; className?: string }) {
  const { t } = useTranslation();
  const view = useAttachment(value);
  if (view.state === 'none' || view.state === 'loading') return null;
  if (view.state === 'notDownloaded') {
    return (
      <Typography.Text type="secondary" data-testid="attachment-not-downloaded" className={className}>
        {t('upload.notDownloaded', { name: view.ref.name })}
      </Typography.Text>
    );
  }
  return <img src={view.url} alt={alt} style={style} className={className} data-hash={view.ref.hash} />;
}
