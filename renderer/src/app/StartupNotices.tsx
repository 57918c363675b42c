import { Alert, Flex } from 'antd';
import { useAccessStateQuery } from '../store/api';
import { useLang } from './useLang';

/** What happened to the data at start-up (a restore from backup, a damaged record put aside), on whichever screen comes first. */
export function StartupNotices() {
  const lang = useLang();
  const notices = useAccessStateQuery().data?.notices ?? [];
  if (notices.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ padding: 12 }} data-testid="startup-notices">
      {notices.map((notice) => (
        <Alert key={notice.message.nl} type="warning" showIcon role="alert" message={notice.message[lang]} />
      ))}
    </Flex>
  );
}
