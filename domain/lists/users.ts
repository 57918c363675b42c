import { checkEmail } from '../validators/email';
import { multiSelectFrom, select, text, toggle } from '../settings/fields';
import type { CollectionDef, Option } from '../settings/types';

/** Back-office roles first, then the roles that may only use the till (POS). */
export const roles = [
  { value: 'administrator', label: { nl: 'Administrator', en: 'Administrator' }, posOnly: false },
  { value: 'generalManager', label: { nl: 'Algemeen manager', en: 'General manager' }, posOnly: false },
  { value: 'fullUser', label: { nl: 'Volledige gebruiker', en: 'Full user' }, posOnly: false },
  { value: 'webshopManager', label: { nl: 'Webshop manager', en: 'Web shop manager' }, posOnly: false },
  { value: 'storeAdministrator', label: { nl: 'Winkelbeheerder', en: 'Store administrator' }, posOnly: false },
  { value: 'ordersOnly', label: { nl: 'Alleen bestellingen', en: 'Orders only' }, posOnly: false },
  { value: 'storeManager', label: { nl: 'Winkel manager', en: 'Store manager' }, posOnly: true },
  { value: 'seniorCashier', label: { nl: 'Senior kassamedewerker', en: 'Senior cashier' }, posOnly: true },
  { value: 'juniorCashier', label: { nl: 'Junior kassamedewerker', en: 'Junior cashier' }, posOnly: true },
] as const satisfies readonly (Option & { posOnly: boolean })[];

export type RoleId = (typeof roles)[number]['value'];

/** Passwords are write-only and hashed; these are the rules the user is told about. */
export const passwordMinLength = 12;
export const pinPattern = /^\d{4,6}$/;

export const users = {
  key: 'users',
  label: { nl: 'Systeemgebruikers', en: 'System users' },
  itemLabel: { nl: 'Gebruiker', en: 'User' },
  titleField: 'name',
  ordered: false,
  fields: [
    text('name', { nl: 'Naam', en: 'Name' }, { required: true, max: 120 }),
    text('email', { nl: 'E-mailadres (inlognaam)', en: 'E-mail address (login)' }, { required: true, check: checkEmail, input: 'email' }),
    select('role', { nl: 'Rol', en: 'Role' }, roles, { default: 'juniorCashier' }),
    multiSelectFrom('stores', { nl: 'Winkels', en: 'Stores' }, 'salesChannels', {
      default: [],
      help: { nl: 'De kassa-verkoopkanalen waar deze gebruiker mag werken.', en: 'The point-of-sale channels this user may work at.' },
    }),
    toggle('active', { nl: 'Actief', en: 'Active' }, { default: true }),
  ],
} as const satisfies CollectionDef;
