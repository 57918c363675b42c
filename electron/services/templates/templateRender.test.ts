import { describe, expect, it } from 'vitest';
import { checkTemplate, renderTemplate, TemplateTooHeavyError } from './templateEngine';

/** What a customer reads in a mail rendered from a template. */
describe('rendering a mail template', () => {
  const values = { 'customer.name': 'Jansen & Zn <b>', 'order.number': 'S4-1001', 'order.total': '€ 12,50' };

  it('fills in each placeholder, escaped in the HTML part and as typed in the subject', () => {
    expect(renderTemplate('Beste {{ customer.name }}, bestelling {{ order.number }}: {{ order.total }}', values)).toBe(
      'Beste Jansen &amp; Zn &lt;b&gt;, bestelling S4-1001: € 12,50',
    );
    expect(renderTemplate('Bestelling {{ order.number }} voor {{ customer.name }}', values, 'plain')).toBe('Bestelling S4-1001 voor Jansen & Zn <b>');
  });

  it('without values, shows the preview sample of the shop', () => {
    expect(renderTemplate('{{ shop.name }}')).toBe('Fietsenwinkel De Spaak');
  });

  it('refuses a placeholder it has no value for, rather than leaving a gap in the mail', () => {
    expect(() => renderTemplate('Beste {{ klant.naam }}', values)).toThrow();
  });

  it('stops a template that would loop for ever, with its own error', () => {
    const heavy = '{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}';
    expect(() => renderTemplate(heavy, values)).toThrow(TemplateTooHeavyError);
    // Its reason is what the form shows under the field.
    expect(() => renderTemplate(heavy, values)).toThrow(expect.objectContaining({ reason: 'templates.tooHeavy' }));
    expect(() => renderTemplate('{% if %}', values)).toThrow(expect.not.objectContaining({ reason: 'templates.tooHeavy' }));
  });
});

describe('checking a template against the placeholders it offers', () => {
  it('accepts offered placeholders and names the first one that is not', () => {
    expect(checkTemplate('{{ customer.name }} {{ order.number }}', ['customer.name', 'order.number'])).toBeNull();
    expect(checkTemplate('{{ customer.name }} {{ order.numbr }}', ['customer.name', 'order.number'])).toEqual({
      reason: 'templates.unknownPlaceholder',
      values: { name: 'order.numbr' },
    });
  });
});
