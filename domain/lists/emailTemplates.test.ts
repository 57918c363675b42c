import { describe, expect, it } from 'vitest';
import { findTemplateKind } from './emailTemplates';

describe('e-mail template kinds', () => {
  it('an invoice mail offers the invoice placeholders besides the shop; an unknown kind is none', () => {
    expect(findTemplateKind('invoice')?.placeholders).toEqual(expect.arrayContaining(['shop.name', 'customer.email', 'invoice.number', 'invoice.dueDate']));
    expect(findTemplateKind('invoice')?.label.nl).toBe('Factuur');
    expect(findTemplateKind('supplierOrder')?.audience).toBe('supplier');
    expect(findTemplateKind('horoscope')).toBeUndefined();
  });
});
