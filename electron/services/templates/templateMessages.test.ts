import { describe, expect, it } from 'vitest';
import { templateErrors } from '../../api/calls/templateCalls';
import { checkTemplate } from './templateEngine';

const offered = ['customer.name', 'order.number'];

describe('Liquid mistakes in the user language (issue 11 item 26)', () => {
  it('says what is wrong and on which line, never the parser English', () => {
    expect(checkTemplate('Beste {{ customer.name ', offered)).toEqual({ reason: 'templates.unclosed', values: { line: 1 } });
    expect(checkTemplate('Beste\n{% if order.number %} ja', offered)).toEqual({ reason: 'templates.unclosed', values: { line: 2 } });
    expect(checkTemplate('a\nb\n{% foreach %}', offered)).toEqual({ reason: 'templates.unknownTag', values: { line: 3, name: 'foreach' } });
    expect(checkTemplate('{{ customer.name | groot }}', offered)).toEqual({ reason: 'templates.unknownFilter', values: { line: 1, name: 'groot' } });
    expect(checkTemplate('{% if %}{% endif %}', offered)).toEqual({ reason: 'templates.syntax', values: { line: 1 } });
  });

  it('names the field by the label the form shows, in Dutch and in English', () => {
    const dutch = templateErrors('orderConfirmation', { subject: 'Bestelling {{ order.number }}', body: 'Beste {% if x %}' }, 'nl', 'nl');
    expect(dutch).toEqual([{ field: 'bodyNl', reason: 'templates.unclosed', message: 'Tekst (Nederlands): op regel 1 wordt een {{ … }} of {% … %} niet gesloten.' }]);
    const english = templateErrors('orderConfirmation', { subject: '{{ klant.naam }}', body: '{% foreach %}' }, 'en', 'en');
    expect(english.map((error) => error.message)).toEqual([
      'Subject (English): the placeholder {{ klant.naam }} does not exist in this template. Pick one from the list.',
      'Body (English): the command {% foreach %} on line 1 does not exist.',
    ]);
    for (const error of [...dutch, ...english]) expect(error.message).not.toMatch(/not closed|not found|line:|col:|undefined filter/);
  });
});
