import { EyeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/useNavigation';
import { previewsOfGroup, printSection } from './documentKinds';

/** "Voorbeeld" from the settings that shape a document: see what the change does on paper. */
export function PreviewButtons({ groupKey }: { groupKey: string }) {
  const { t } = useTranslation();
  const go = useNavigation();
  return (
    <>
      {(previewsOfGroup[groupKey] ?? []).map((kind) => (
        <Button key={kind} icon={<EyeOutlined />} onClick={() => go(printSection(kind))}>
          {t(`print.preview.${kind}`)}
        </Button>
      ))}
    </>
  );
}
