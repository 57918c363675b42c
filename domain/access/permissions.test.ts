import { describe, expect, it } from 'vitest';
import { areaOf, hasPermission, permissionFor, permissionWords } from './permissions';

describe('who may see and change what', () => {
  it('lets only the Administrator near the technical settings', () => {
    for (const permission of ['email.edit', 'system.view', 'users.edit', 'webhooks.view'] as const) {
      expect(hasPermission('administrator', permission)).toBe(true);
      expect(hasPermission('generalManager', permission)).toBe(false);
      expect(hasPermission('fullUser', permission)).toBe(false);
    }
    expect(hasPermission('generalManager', 'company.edit')).toBe(true);
  });

  it('keeps the company information away from a full user and orders read-only for a webshop manager', () => {
    expect(hasPermission('fullUser', 'company.view')).toBe(false);
    expect(hasPermission('fullUser', 'orders.edit')).toBe(true);
    expect(hasPermission('webshopManager', 'orders.view')).toBe(true);
    expect(hasPermission('webshopManager', 'orders.edit')).toBe(false);
    expect(hasPermission('webshopManager', 'templates.edit')).toBe(true);
    expect(hasPermission('webshopManager', 'dashboard.view')).toBe(false);
    expect(hasPermission('storeAdministrator', 'shipping.edit')).toBe(true);
    expect(hasPermission('storeAdministrator', 'payments.view')).toBe(false);
    expect(hasPermission('ordersOnly', 'orders.edit')).toBe(true);
    expect(hasPermission('ordersOnly', 'products.view')).toBe(false);
  });

  it('gives the till roles no access to the back office at all', () => {
    for (const role of ['storeManager', 'seniorCashier', 'juniorCashier'] as const) {
      expect(hasPermission(role, 'dashboard.view')).toBe(false);
      expect(hasPermission(role, 'orders.view')).toBe(false);
    }
  });

  it('names the area and the verb in the refusal, in the user’s language', () => {
    expect(permissionWords('company.view', 'nl')).toEqual({ area: 'de Bedrijfsinformatie', verb: 'bekijken' });
    expect(permissionWords('users.edit', 'en')).toEqual({ area: 'the system users', verb: 'change' });
  });

  it('guards each settings group and list by the area it belongs to, and anything unknown as system', () => {
    const expected: Record<string, string> = {
      backoffice: 'dashboard',
      'company.general': 'company', 'company.contact': 'company', 'company.billing': 'company', 'company.business': 'company',
      'company.support': 'company', 'company.vat': 'company', 'company.repair': 'company', 'company.quote': 'company',
      'orders.processing': 'orders', 'orders.shipping': 'orders', 'orders.terms': 'orders',
      paymentMethods: 'payments', storekeeperPayments: 'payments',
      email: 'email', emailTemplates: 'templates',
      'media.images': 'media', 'media.shelfLabels': 'media', 'media.receiptPrinter': 'media',
      'products.defaults': 'products', 'salesChannels.defaults': 'channels', salesChannels: 'channels',
      system: 'system', users: 'users', shippingMethods: 'shipping', webhooks: 'webhooks',
    };
    for (const [key, area] of Object.entries(expected)) expect(areaOf(key), key).toBe(area);
    expect(areaOf('unknown')).toBeUndefined();
    expect(permissionFor('company.vat', 'edit')).toBe('company.edit');
    expect(permissionFor('unknown', 'view')).toBe('system.view');
  });
});
