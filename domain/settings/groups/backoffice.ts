import { integer, orderedMultiSelect } from '../fields';
import type { GroupDef, Option } from '../types';

/** The widgets a dashboard can show; the ids are stable, the labels are what the manager reads. */
export const dashboardWidgets: readonly Option[] = [
  { value: 'revenueToday', label: { nl: 'Omzet vandaag', en: 'Revenue today' } },
  { value: 'ordersToProcess', label: { nl: 'Te verwerken bestellingen', en: 'Orders to process' } },
  { value: 'openRepairs', label: { nl: 'Open reparaties', en: 'Open repairs' } },
  { value: 'lowStock', label: { nl: 'Lage voorraad', en: 'Low stock' } },
  { value: 'topProducts', label: { nl: 'Topproducten', en: 'Top products' } },
  { value: 'webshopOrders', label: { nl: 'Webshopbestellingen', en: 'Web shop orders' } },
  { value: 'revenueThisWeek', label: { nl: 'Omzet deze week', en: 'Revenue this week' } },
  { value: 'revenueThisMonth', label: { nl: 'Omzet deze maand', en: 'Revenue this month' } },
  { value: 'openInvoices', label: { nl: 'Openstaande facturen', en: 'Unpaid invoices' } },
  { value: 'newCustomers', label: { nl: 'Nieuwe klanten', en: 'New customers' } },
  { value: 'returns', label: { nl: 'Retouren', en: 'Returns' } },
  { value: 'giftCards', label: { nl: 'Cadeaubonnen', en: 'Gift cards' } },
];

export const maxDashboardWidgets = 9;

export const backofficeGroup = {
  key: 'backoffice',
  label: { nl: 'BackOffice-instellingen', en: 'Back office settings' },
  fields: [
    orderedMultiSelect('dashboardWidgets', { nl: 'Dashboardwidgets', en: 'Dashboard widgets' }, dashboardWidgets, {
      max: maxDashboardWidgets,
      default: ['revenueToday', 'ordersToProcess', 'openRepairs', 'lowStock', 'topProducts', 'webshopOrders'],
      help: {
        nl: 'De tegels op het dashboard, in deze volgorde. Hoogstens 9.',
        en: 'The tiles on the dashboard, in this order. At most 9.',
      },
    }),
    integer('idleTimeoutMinutes', { nl: 'Automatisch afmelden na', en: 'Sign out automatically after' }, {
      default: 15,
      min: 1,
      max: 480,
      unit: { nl: 'minuten', en: 'minutes' },
      help: {
        nl: 'Na zoveel minuten zonder activiteit wordt de gebruiker afgemeld.',
        en: 'After this many minutes without activity the user is signed out.',
      },
    }),
  ],
} as const satisfies GroupDef;
