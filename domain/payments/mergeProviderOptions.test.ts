import { describe, expect, it } from 'vitest';
import { mergeProviderOptions, nothingChanged, type KnownMethod } from './mergeProviderOptions';
import type { ProviderOption } from './providerOptions';

const channels = [
  { id: 'ch-web', prefix: 'W1', type: 'webshop' },
  { id: 'ch-till', prefix: 'S4', type: 'pos' },
];
const ideal: ProviderOption = { optionId: 10, name: 'iDEAL', nameEn: 'iDEAL', channels: ['W1'] };
const paypal: ProviderOption = { optionId: 138, name: 'PayPal', nameEn: 'PayPal', channels: ['W1'] };
const pin: ProviderOption = { optionId: 1927, name: 'Pinnen', nameEn: 'Card terminal', channels: ['S4'] };

/** Applies a plan the way the list service would: new ids for new items, changes merged in. */
function apply(methods: KnownMethod[], plan: ReturnType<typeof mergeProviderOptions>): KnownMethod[] {
  const updated = methods.map((method) => ({ id: method.id, values: { ...method.values, ...plan.update.find((u) => u.id === method.id)?.changes } }));
  return [...updated, ...plan.create.map((values, index) => ({ id: `new-${methods.length + index}`, values }))];
}

describe('merging the payment provider options into Betaalmethoden', () => {
  it('adds a new option switched off, offered on the channel whose service has it, as a till method for a till-only channel', () => {
    const plan = mergeProviderOptions([], [ideal, pin], channels);
    expect(plan.create).toEqual([
      { nameNl: 'iDEAL', nameEn: 'iDEAL', providerOptionId: 10, type: 'web', active: false, offeredOn: ['ch-web'], providerName: 'iDEAL', providerStatus: 'available' },
      { nameNl: 'Pinnen', nameEn: 'Card terminal', providerOptionId: 1927, type: 'pos', active: false, offeredOn: ['ch-till'], providerName: 'Pinnen', providerStatus: 'available' },
    ]);
    expect(plan.summary.added).toEqual(['iDEAL', 'Pinnen']);
  });

  it('marks a method the provider dropped, never deletes it, and leaves its on/off alone', () => {
    const methods: KnownMethod[] = [{ id: 'm1', values: { nameNl: 'PayPal', providerOptionId: 138, providerName: 'PayPal', providerStatus: 'available', offeredOn: ['ch-web'], active: true } }];
    const plan = mergeProviderOptions(methods, [], channels);
    expect(plan.update).toEqual([{ id: 'm1', changes: { providerStatus: 'dropped' } }]);
    expect(plan.create).toEqual([]);
    expect(plan.summary.dropped).toEqual(['PayPal']);
  });

  it('keeps a name the shop chose when the provider renames the option, and follows the provider where the shop kept its name', () => {
    const methods: KnownMethod[] = [
      { id: 'kept', values: { nameNl: 'Betalen met iDEAL', nameEn: 'iDEAL', providerOptionId: 10, providerName: 'iDEAL', providerStatus: 'available', offeredOn: ['ch-web'] } },
      { id: 'followed', values: { nameNl: 'PayPal', nameEn: 'PayPal', providerOptionId: 138, providerName: 'PayPal', providerStatus: 'available', offeredOn: ['ch-web'] } },
    ];
    const plan = mergeProviderOptions(methods, [{ ...ideal, name: 'iDEAL | Wero', nameEn: 'iDEAL | Wero' }, { ...paypal, name: 'PayPal Checkout', nameEn: 'PayPal Checkout' }], channels);
    expect(plan.update).toEqual([
      { id: 'kept', changes: { providerName: 'iDEAL | Wero', nameEn: 'iDEAL | Wero' } },
      { id: 'followed', changes: { providerName: 'PayPal Checkout', nameNl: 'PayPal Checkout', nameEn: 'PayPal Checkout' } },
    ]);
    expect(plan.summary.renamed).toEqual([{ from: 'PayPal', to: 'PayPal Checkout' }]);
  });

  it('marks a dropped option available again when the provider offers it again, without switching it on', () => {
    const methods: KnownMethod[] = [{ id: 'm1', values: { nameNl: 'PayPal', providerOptionId: 138, providerName: 'PayPal', providerStatus: 'dropped', offeredOn: ['ch-web'], active: false } }];
    const plan = mergeProviderOptions(methods, [paypal], channels);
    expect(plan.update).toEqual([{ id: 'm1', changes: { providerStatus: 'available' } }]);
    expect(plan.summary.returned).toEqual(['PayPal']);
    expect(plan.create).toEqual([]);
  });

  it('a method made by hand and never synced keeps its own name, and one the provider lacks is marked', () => {
    const methods: KnownMethod[] = [
      { id: 'own', values: { nameNl: 'iDEAL (bank)', providerOptionId: 10 } },
      { id: 'cash', values: { nameNl: 'Contant', providerOptionId: 999 } },
    ];
    const plan = mergeProviderOptions(methods, [ideal], channels);
    expect(plan.update).toEqual([
      { id: 'own', changes: { providerStatus: 'available', providerName: 'iDEAL', offeredOn: ['ch-web'] } },
      { id: 'cash', changes: { providerStatus: 'dropped' } },
    ]);
  });

  it('follows the channels: an option moved to another service is offered on that channel', () => {
    const methods: KnownMethod[] = [{ id: 'm1', values: { nameNl: 'iDEAL', providerOptionId: 10, providerName: 'iDEAL', providerStatus: 'available', offeredOn: ['ch-web'] } }];
    const plan = mergeProviderOptions(methods, [{ ...ideal, channels: ['S4', 'w1', 'XX'] }], channels);
    expect(plan.update).toEqual([{ id: 'm1', changes: { offeredOn: ['ch-till', 'ch-web'] } }]);
    expect(plan.summary.channelsChanged).toEqual(['iDEAL']);
  });

  it('changes nothing the second time, whatever the first run did', () => {
    const start: KnownMethod[] = [
      { id: 'a', values: { nameNl: 'Mijn PayPal', providerOptionId: 138, providerName: 'PayPal', providerStatus: 'available', offeredOn: [] } },
      { id: 'b', values: { nameNl: 'Bancontact', providerOptionId: 436, providerName: 'Bancontact', providerStatus: 'available', offeredOn: ['ch-web'] } },
      { id: 'c', values: { nameNl: 'Apple Pay', providerOptionId: 2277, providerName: 'Apple Pay', providerStatus: 'dropped', offeredOn: [] } },
    ];
    const options = [ideal, { ...paypal, name: 'PayPal Checkout' }, pin, { optionId: 2277, name: 'Apple Pay', nameEn: null, channels: ['W1'] }];
    const first = mergeProviderOptions(start, options, channels);
    expect(nothingChanged(first)).toBe(false);
    const second = mergeProviderOptions(apply(start, first), options, channels);
    expect(second).toEqual({ create: [], update: [], summary: { added: [], dropped: [], returned: [], renamed: [], channelsChanged: [] } });
    expect(nothingChanged(second)).toBe(true);
  });
});
