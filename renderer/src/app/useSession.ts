import { hasPermission, type Permission } from '../../../domain/access/permissions';
import { useAccessStateQuery } from '../store/startApi';

/** The signed-in user and a check for what their role may do; the main process enforces the same. */
export function useSession() {
  const { data } = useAccessStateQuery();
  const session = data?.session ?? null;
  return {
    session,
    can: (permission: Permission) => (session ? hasPermission(session.role, permission) : false),
  };
}
