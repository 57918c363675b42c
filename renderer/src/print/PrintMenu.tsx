import { PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/useNavigation';
import { documentKinds, printSection } from './documentKinds';

/** The print menu in the top bar: every document's preview, one click away. */
export function PrintMenu() {
  const { t } = useTranslation();
  const go = useNavigation();
  return (
    <Dropdown menu={{ items: documentKinds.map((kind) => ({ key: kind, label: t(`print.preview.${kind}`) })), onClick: ({ key }) => go(printSection(key as (typeof documentKinds)[number])) }}>
      <Button size="small" icon={<PrinterOutlined />}>
        {t('print.menu')}
      </Button>
    </Dropdown>
  );
}
