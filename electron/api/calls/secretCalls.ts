import { z } from 'zod';
import { groups } from '../../../domain/settings/catalogue';
import { call } from '../define';
import { permissionFor } from '../../../domain/access/permissions';

/** The secrets the settings forms edit: `settings:<group>.<field>` for every secure field. */
const settingsSecrets = groups.flatMap((group) => group.fields.filter((field) => field.secure).map((field) => ({ group: group.key, field: field.key })));
const purpose = z.enum(settingsSecrets.map(({ group, field }) => `settings:${group}.${field}`) as [string, ...string[]]);
const groupOf = (value: string) => value.slice('settings:'.length, value.lastIndexOf('.'));

export const secretCalls = {
  /** Whether a secret is set and its hint; the value itself never leaves the main process. */
  'secrets.status': call({
    input: z.object({ purpose }),
    permission: ({ purpose }) => permissionFor(groupOf(purpose), 'view'),
    run: ({ purpose }, { services, lang }) => services.secrets.status(purpose, lang),
  }),
  'secrets.set': call({
    input: z.object({ purpose, value: z.string() }),
    permission: ({ purpose }) => permissionFor(groupOf(purpose), 'edit'),
    run: ({ purpose, value }, { services, lang }) => services.secrets.set(purpose, value, lang),
  }),
  'secrets.clear': call({
    input: z.object({ purpose }),
    permission: ({ purpose }) => permissionFor(groupOf(purpose), 'edit'),
    run: ({ purpose }, { services, lang }) => services.secrets.clear(purpose, lang),
  }),
};
