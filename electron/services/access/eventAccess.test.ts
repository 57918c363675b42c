import { describe, expect, it } from 'vitest';
import { mayReceive } from './eventAccess';

// An event names who changed what; a window may hear only of what its role may open (see
// domain/access/permissions.ts): an Orders-only clerk must not learn that the SMTP password or
// the user list just changed.
describe('which windows hear of a change', () => {
  it('a settings change reaches the roles that may view its group, and no other', () => {
    const companyName = { group: 'company.general', by: 'Anna de Vries' };
    expect(mayReceive('generalManager', 'settings.changed', companyName)).toBe(true);
    expect(mayReceive('fullUser', 'settings.changed', companyName)).toBe(false);
    expect(mayReceive('ordersOnly', 'settings.changed', { group: 'orders.processing', by: 'Anna de Vries' })).toBe(true);
    expect(mayReceive('ordersOnly', 'settings.changed', companyName)).toBe(false);
  });

  it('a list change reaches the roles that may view the list, and no other', () => {
    const userList = { collection: 'users', by: 'Anna de Vries' };
    expect(mayReceive('administrator', 'records.changed', userList)).toBe(true);
    expect(mayReceive('generalManager', 'records.changed', userList)).toBe(false);
    expect(mayReceive('webshopManager', 'records.changed', { collection: 'shippingMethods', by: 'Bram Jansen' })).toBe(true);
    expect(mayReceive('storeAdministrator', 'records.changed', { collection: 'paymentMethods', by: 'Bram Jansen' })).toBe(false);
  });

  it('a stored secret of a settings field counts as a change of that field\'s group', () => {
    const carrierKey = { purpose: 'settings:orders.shipping.providerApiKey' };
    expect(mayReceive('ordersOnly', 'secrets.changed', carrierKey)).toBe(true);
    expect(mayReceive('webshopManager', 'secrets.changed', carrierKey)).toBe(true);
    expect(mayReceive('seniorCashier', 'secrets.changed', carrierKey)).toBe(false);
    const smtpPassword = { purpose: 'settings:email.smtpPassword' };
    expect(mayReceive('administrator', 'secrets.changed', smtpPassword)).toBe(true);
    expect(mayReceive('generalManager', 'secrets.changed', smtpPassword)).toBe(false);
  });

  it('a webhook token or the cloud device token reaches only who may see the technical settings', () => {
    for (const purpose of ['webhook:0b7e6a52-1c1f-4d8e-9b43-3f1a2c9d8e77:token', 'cloud:deviceToken:0b7e6a52-1c1f-4d8e-9b43-3f1a2c9d8e77']) {
      expect(mayReceive('administrator', 'secrets.changed', { purpose }), purpose).toBe(true);
      expect(mayReceive('generalManager', 'secrets.changed', { purpose }), purpose).toBe(false);
      expect(mayReceive('ordersOnly', 'secrets.changed', { purpose }), purpose).toBe(false);
    }
  });

  it('the mail queue reaches only who may see the e-mail settings', () => {
    expect(mayReceive('administrator', 'mail.changed', { id: 7 })).toBe(true);
    expect(mayReceive('generalManager', 'mail.changed', { id: 7 })).toBe(false);
  });

  it('what concerns every window (sync state, IT policy) reaches every role', () => {
    expect(mayReceive('ordersOnly', 'sync.changed', {})).toBe(true);
    expect(mayReceive('storeAdministrator', 'policy.changed', {})).toBe(true);
  });
});
