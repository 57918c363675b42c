import type { RoleId } from '../lists/users';
import type { Lang, Text } from '../text';

/**
 * Who may see and change what. Settings are grouped into areas; each area has a view and an
 * edit permission, and every call of the API names the permission it needs. The matrix is data
 * so the Systeemgebruikers page can show it exactly as it is enforced.
 */
export const areas = [
  'dashboard',
  'company',
  'orders',
  'payments',
  'email',
  'templates',
  'media',
  'products',
  'channels',
  'system',
  'users',
  'shipping',
  'webhooks',
] as const;
export type Area = (typeof areas)[number];
export type Permission = `${Area}.view` | `${Area}.edit`;

export const areaLabels: Readonly<Record<Area, Text>> = {
  dashboard: { nl: 'de BackOffice-instellingen', en: 'the back office settings' },
  company: { nl: 'de Bedrijfsinformatie', en: 'the company information' },
  orders: { nl: 'de bestelinstellingen', en: 'the order settings' },
  payments: { nl: 'de betaalmethoden', en: 'the payment methods' },
  email: { nl: 'de e-mailinstellingen', en: 'the e-mail settings' },
  templates: { nl: 'de e-mailsjablonen', en: 'the e-mail templates' },
  media: { nl: 'de media-instellingen', en: 'the media settings' },
  products: { nl: 'de productinstellingen', en: 'the product settings' },
  channels: { nl: 'de verkoopkanalen', en: 'the sales channels' },
  system: { nl: 'de systeeminformatie', en: 'the system information' },
  users: { nl: 'de systeemgebruikers', en: 'the system users' },
  shipping: { nl: 'de verzendmethoden', en: 'the shipping methods' },
  webhooks: { nl: 'de webhooks', en: 'the webhooks' },
};

/** The words of a permission for a sentence: "… mag u de Bedrijfsinformatie niet bekijken." */
export function permissionWords(permission: Permission, lang: Lang): { area: string; verb: string } {
  const [area, level] = permission.split('.') as [Area, 'view' | 'edit'];
  const verbs = { view: { nl: 'bekijken', en: 'view' }, edit: { nl: 'wijzigen', en: 'change' } };
  return { area: areaLabels[area][lang], verb: verbs[level][lang] };
}

/** "Technische instellingen": what only an Administrator may touch. */
export const technicalAreas: readonly Area[] = ['email', 'system', 'users', 'webhooks'];

const all = (except: readonly Area[] = []): Permission[] =>
  areas.filter((area) => !except.includes(area)).flatMap((area) => [`${area}.view`, `${area}.edit`] as Permission[]);
const both = (...list: Area[]): Permission[] => list.flatMap((area) => [`${area}.view`, `${area}.edit`] as Permission[]);

export const rolePermissions: Readonly<Record<RoleId, readonly Permission[]>> = {
  administrator: all(),
  generalManager: all(technicalAreas),
  fullUser: all([...technicalAreas, 'company']),
  webshopManager: [...both('channels', 'shipping', 'payments', 'templates', 'products', 'media'), 'orders.view'],
  storeAdministrator: [...both('dashboard', 'products', 'media', 'orders', 'shipping')],
  ordersOnly: both('orders'),
  // The till roles work on the POS only; they have no access to the back office at all.
  storeManager: [],
  seniorCashier: [],
  juniorCashier: [],
};

export function hasPermission(role: RoleId, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** The area a settings group or list belongs to, by its catalogue key. */
const areaByKey: Readonly<Record<string, Area>> = {
  backoffice: 'dashboard',
  'company.general': 'company',
  'company.contact': 'company',
  'company.billing': 'company',
  'company.business': 'company',
  'company.support': 'company',
  'company.vat': 'company',
  'company.repair': 'company',
  'company.quote': 'company',
  'orders.processing': 'orders',
  'orders.shipping': 'orders',
  'orders.terms': 'orders',
  paymentMethods: 'payments',
  storekeeperPayments: 'payments',
  email: 'email',
  emailTemplates: 'templates',
  'media.images': 'media',
  'media.shelfLabels': 'media',
  'media.receiptPrinter': 'media',
  'products.defaults': 'products',
  'salesChannels.defaults': 'channels',
  salesChannels: 'channels',
  salesReport: 'channels',
  system: 'system',
  users: 'users',
  shippingMethods: 'shipping',
  webhooks: 'webhooks',
};

export function areaOf(key: string): Area | undefined {
  return areaByKey[key];
}

/** The permission to view or change a settings group, list or page by its catalogue key. */
export function permissionFor(key: string, level: 'view' | 'edit'): Permission {
  return `${areaOf(key) ?? 'system'}.${level}`;
}
