import { SyncOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isFailure } from '../../app/serverErrors';
import { useSyncPaymentMethodsMutation } from '../../store/api';
import type { ListExtras } from '../ListPage';

/** The green [Sync betalingsprovider] button; without a cloud it says so instead of pretending. */
function SyncButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [sync, { isLoading }] = useSyncPaymentMethodsMutation();
  return (
    <Button
      icon={<SyncOutlined />}
      loading={isLoading}
      style={{ background: '#389e0d', borderColor: '#389e0d', color: '#fff' }}
      onClick={async () => {
        const result = await sync();
        if ('error' in result) void message.warning({ content: isFailure(result.error) ? result.error.message : String(result.error), duration: 8 });
      }}
    >
      {t('payments.sync')}
    </Button>
  );
}

export function usePaymentMethodsExtras(): ListExtras {
  return { toolbar: <SyncButton /> };
}
