import { useAccessStateQuery } from '../store/startApi';
import { useLang } from './useLang';

/**
 * What happened to the data at start-up (a restore from backup, a damaged record put aside), on
 * whichever screen comes first. Plain markup (screens.css), as that screen may be the sign-in.
 */
export function StartupNotices() {
  const lang = useLang();
  const notices = useAccessStateQuery().data?.notices ?? [];
  if (notices.length === 0) return null;
  return (
    <div className="bo-notices" data-testid="startup-notices">
      {notices.map((notice) => (
        <p key={notice.message.nl} role="alert" className="bo-alert bo-alert-warning">
          {notice.message[lang]}
        </p>
      ))}
    </div>
  );
}
