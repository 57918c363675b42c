import { describe, expect, it } from 'vitest';
import { mergeProviderOptions, nothingChanged, type KnownMethod } from './mergeProviderOptions';
import { payNlServiceId, payNlTokenCode, providerOptionSchema, type ProviderOption } from './providerOptions';

/** Betaalmethoden after a provider sync, for methods and options at the edges of what the shop has. */
const channels = [
  { id: 'ch-web', prefix: 'W1', type: 'webshop' },
  { id: 'ch-till', prefix: 'S4', type: 'pos' },
];
const option = (extra: Partial<ProviderOption> = {}): ProviderOption => ({ optionId: 10, name: 'iDEAL', nameEn: 'iDEAL', channels: ['W1'], ...extra });
const synced = (values: KnownMethod['values'] = {}): KnownMethod => ({
  id: 'm1',
  values: { nameNl: 'iDEAL', nameEn: 'iDEAL', providerOptionId: 10, providerName: 'iDEAL', providerStatus: 'available', offeredOn: ['ch-web'], ...values },
});

describe('a new payment option', () => {
  it('lists its channels in one order, whatever order the provider gives', () => {
    expect(mergeProviderOptions([], [option({ channels: ['W1', 'S4'] })], channels).create[0]).toMatchObject({ offeredOn: ['ch-till', 'ch-web'] });
  });

  it('is a web method when no channel or also a webshop offers it; a till method only when only tills do', () => {
    const type = (prefixes: string[]) => mergeProviderOptions([], [option({ channels: prefixes })], channels).create[0]?.type;
    expect(type([])).toBe('web');
    expect(type(['W1', 'S4'])).toBe('web');
    expect(type(['S4'])).toBe('pos');
  });
});

describe('a method the shop has', () => {
  it('offered on the same number of channels but other ones, follows the provider', () => {
    const plan = mergeProviderOptions([synced({ offeredOn: ['ch-web', 'ch-old'] })], [option({ channels: ['W1', 'S4'] })], channels);
    expect(plan.update).toEqual([{ id: 'm1', changes: { offeredOn: ['ch-till', 'ch-web'] } }]);
  });

  it('with no channels stored, or a stored list with junk in it, is compared by the channel ids it holds', () => {
    expect(mergeProviderOptions([synced({ offeredOn: undefined })], [option({ channels: [] })], channels).update).toEqual([]);
    expect(mergeProviderOptions([synced({ offeredOn: [42, 'ch-web'] })], [option()], channels).update).toEqual([]);
  });

  it('made by hand and offered for the first time is not "returned"', () => {
    const plan = mergeProviderOptions([{ id: 'own', values: { nameNl: 'iDEAL (bank)', providerOptionId: 10 } }], [option()], channels);
    expect(plan.summary.returned).toEqual([]);
  });

  it('keeps its English name when the provider has none, and is named "" in the summary when it has no name', () => {
    const plan = mergeProviderOptions([synced()], [option({ name: 'iDEAL | Wero', nameEn: null })], channels);
    expect(plan.update).toEqual([{ id: 'm1', changes: { providerName: 'iDEAL | Wero', nameNl: 'iDEAL | Wero' } }]);
    // An English name the shop wrote itself stays when the provider renames.
    const ownEnglish = mergeProviderOptions([synced({ nameEn: 'Pay by bank' })], [option({ name: 'iDEAL | Wero', nameEn: 'iDEAL | Wero' })], channels);
    expect(ownEnglish.update).toEqual([{ id: 'm1', changes: { providerName: 'iDEAL | Wero', nameNl: 'iDEAL | Wero' } }]);
    const nameless = mergeProviderOptions([{ id: 'x', values: { providerOptionId: 77 } }], [], channels);
    expect(nameless.summary.dropped).toEqual(['']);
  });
});

describe('the summary', () => {
  it('"nothing changed" only when nothing is created and nothing updated', () => {
    expect(nothingChanged(mergeProviderOptions([], [option()], channels))).toBe(false);
    expect(nothingChanged(mergeProviderOptions([synced()], [], channels))).toBe(false);
    expect(nothingChanged(mergeProviderOptions([synced()], [option()], channels))).toBe(true);
  });
});

describe("the provider's identifiers", () => {
  it('are Pay.nl codes exactly, and an option keeps what the page shows', () => {
    expect(payNlServiceId.test('SL-1234-5678')).toBe(true);
    expect(payNlTokenCode.test('AT-1234-5678')).toBe(true);
    for (const code of ['xSL-1234-5678', 'SL-1234-5678x', 'SL-12-5678', 'SL-1234-56', 'SL-abcd-5678', 'SL-1234-abcd']) expect(payNlServiceId.test(code), code).toBe(false);
    for (const code of ['xAT-1234-5678', 'AT-1234-5678x', 'AT-12-5678', 'AT-1234-56', 'AT-abcd-5678', 'AT-1234-abcd']) expect(payNlTokenCode.test(code), code).toBe(false);
    expect(providerOptionSchema.parse(option())).toEqual(option());
  });
});
