import { z } from 'zod';
import { hasPermission, permissionFor } from '../../../domain/access/permissions';
import { success } from '../../../domain/result';
import { groups } from '../../../domain/settings/catalogue';
import { actorOf, call } from '../define';

const groupKey = z.enum(groups.map((group) => group.key) as [string, ...string[]]);

export const settingsCalls = {
  /** Every group the signed-in role may see, with defaults filled in. */
  'settings.snapshot': call({
    input: z.object({}),
    permission: 'session',
    run: (_input, { services, session }) => {
      const all = services.settings.snapshot();
      const role = session?.role;
      return success(Object.fromEntries(Object.entries(all).filter(([key]) => role && hasPermission(role, permissionFor(key, 'view')))));
    },
  }),
  'settings.read': call({
    input: z.object({ group: groupKey }),
    permission: ({ group }) => permissionFor(group, 'view'),
    run: ({ group }, { services, lang }) => services.settings.readGroup(group, lang),
  }),
  'settings.write': call({
    input: z.object({ group: groupKey, changes: z.record(z.string(), z.unknown()) }),
    // The idle sign-out protects every account, so only who manages the users may change it.
    permission: ({ group, changes }) => (group === 'backoffice' && Object.hasOwn(changes, 'idleTimeoutMinutes') ? 'users.edit' : permissionFor(group, 'edit')),
    run: ({ group, changes }, { services, session, lang }) => services.settings.writeGroup(group, changes, actorOf({ session, lang })),
  }),
  'settings.history': call({
    input: z.object({ group: groupKey, field: z.string().min(1).max(100) }),
    permission: ({ group }) => permissionFor(group, 'view'),
    run: ({ group, field }, { services, lang }) => services.settings.history(group, field, lang),
  }),
};

