import { EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { isFailure } from '../app/serverErrors';
import { useTestReceiptMutation } from '../store/api';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/useNavigation';
import { usePolicy } from '../policy/usePolicy';
import { previewsOfGroup, printSection } from './documentKinds';

/** Sends a test receipt to the saved printer settings and says what happened. */
function TestPrintButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [testPrint, { isLoading }] = useTestReceiptMutation();
  return (
    <Button
      icon={<PrinterOutlined />}
      disabled={isLoading}
      onClick={async () => {
        const result = await testPrint();
        if ('error' in result) void message.error({ content: isFailure(result.error) ? result.error.message : String(result.error), duration: 8 });
        else void message.success(t('print.testPrinted', { address: result.data.address }));
      }}
    >
      {t('print.testReceipt')}
    </Button>
  );
}

/** "Voorbeeld" from the settings that shape a document: see what the change does on paper. */
export function PreviewButtons({ groupKey }: { groupKey: string }) {
  const { t } = useTranslation();
  const go = useNavigation();
  const policy = usePolicy();
  return (
    <>
      {groupKey === 'media.receiptPrinter' && !policy.isFeatureOff('receiptPrinterTest') && <TestPrintButton />}
      {(previewsOfGroup[groupKey] ?? []).map((kind) => (
        <Button key={kind} icon={<EyeOutlined />} onClick={() => go(printSection(kind))}>
          {t(`print.preview.${kind}`)}
        </Button>
      ))}
    </>
  );
}
