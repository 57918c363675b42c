import type { RoleId } from '../../../domain/lists/users';
import type { Lang } from '../../../domain/text';

/** Who is signed in at this window; every call is made on behalf of one. */
export interface Session {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: RoleId;
  lang: Lang;
}
