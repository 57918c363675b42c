import { describe, expect, it } from 'vitest';
import { groupDefaults } from '../catalogue';
import { validateChange } from '../validate';
import { ordersShipping } from './orders';

const nl = { lang: 'nl' as const };
const en = { lang: 'en' as const };
const myParcel = { ...groupDefaults(ordersShipping), provider: 'myparcel' };
const refusedOn = (result: ReturnType<typeof validateChange>) => (result.ok ? [] : result.errors.map(({ field, reason }) => ({ field, reason })));

describe('Zendingen: option combinations MyParcel refuses are refused on the field', () => {
  it('accepts every option with a package, the default carrier PostNL', () => {
    const full = { deliveryType: '3', onlyRecipient: true, signature: true, returnIfNotHome: true, insuranceAmount: 50_000 };
    expect(validateChange(ordersShipping, myParcel, full, nl)).toMatchObject({ ok: true });
  });

  it('refuses a mailbox package with signature, only recipient, return or insurance, naming the option by its label', () => {
    const mailbox = validateChange(ordersShipping, myParcel, { packageType: '2', signature: true }, nl);
    expect(mailbox).toEqual({
      ok: false,
      errors: [
        {
          field: 'signature',
          reason: 'shipping.optionsOnlyForPackage',
          message: 'Handtekening bij ontvangst kan alleen bij Soort zending „Pakket”: MyParcel biedt bij een brievenbuspakje, brief of digitale postzegel geen extra opties. Zet dit uit of kies „Pakket”.',
        },
      ],
    });
    for (const option of ['onlyRecipient', 'returnIfNotHome'] as const)
      expect(refusedOn(validateChange(ordersShipping, myParcel, { packageType: '2', [option]: true }, nl))).toEqual([{ field: option, reason: 'shipping.optionsOnlyForPackage' }]);
    const insured = validateChange(ordersShipping, myParcel, { packageType: '2', insuranceAmount: 10_000 }, en);
    expect(insured.ok === false && insured.errors[0]?.message).toBe(
      'Insured amount is only possible with Package type “Package”: MyParcel offers no options for a mailbox package, letter or digital stamp. Switch it off or choose “Package”.',
    );
  });

  it('refuses a letter or digital stamp with any option, and turning an option on once the type is chosen', () => {
    const letter = { ...myParcel, packageType: '3' };
    expect(refusedOn(validateChange(ordersShipping, letter, { onlyRecipient: true }, nl))).toEqual([{ field: 'onlyRecipient', reason: 'shipping.optionsOnlyForPackage' }]);
    expect(refusedOn(validateChange(ordersShipping, myParcel, { packageType: '4', returnIfNotHome: true }, nl))).toEqual([{ field: 'returnIfNotHome', reason: 'shipping.optionsOnlyForPackage' }]);
    expect(validateChange(ordersShipping, myParcel, { packageType: '4' }, nl)).toMatchObject({ ok: true });
  });

  it('allows morning, evening and pickup delivery only for a package', () => {
    for (const deliveryType of ['1', '3', '4'])
      expect(refusedOn(validateChange(ordersShipping, myParcel, { packageType: '2', deliveryType }, nl))).toEqual([{ field: 'deliveryType', reason: 'shipping.deliveryOnlyForPackage' }]);
    const evening = validateChange(ordersShipping, { ...myParcel, deliveryType: '3' }, { packageType: '3' }, nl);
    expect(evening.ok === false && evening.errors[0]?.message).toBe('Bezorgmoment: ochtend, avond en ophalen bij een afhaalpunt kunnen alleen bij Soort zending „Pakket”. Kies „Standaard” of „Pakket”.');
  });

  it('keeps DPD to packages to Belgium: no mailbox package, no morning or evening, no Dutch-only options', () => {
    expect(refusedOn(validateChange(ordersShipping, myParcel, { carrier: '4', packageType: '2' }, nl))).toEqual([{ field: 'packageType', reason: 'shipping.dpdPackagesOnly' }]);
    expect(refusedOn(validateChange(ordersShipping, { ...myParcel, carrier: '4' }, { deliveryType: '1' }, nl))).toEqual([{ field: 'deliveryType', reason: 'shipping.dpdBelgium' }]);
    const signature = validateChange(ordersShipping, { ...myParcel, signature: true }, { carrier: '4' }, nl);
    expect(signature.ok === false && signature.errors[0]).toMatchObject({ field: 'signature', message: expect.stringMatching(/^Handtekening bij ontvangst kan niet met vervoerder DPD: DPD bezorgt via MyParcel alleen in België/) });
    expect(validateChange(ordersShipping, myParcel, { carrier: '4', deliveryType: '4' }, nl)).toMatchObject({ ok: true });
  });

  it('leaves the hidden MyParcel fields alone when Veloyd or no provider is chosen', () => {
    const stale = { ...myParcel, packageType: '2', signature: true };
    expect(validateChange(ordersShipping, stale, { provider: 'veloyd' }, nl)).toMatchObject({ ok: true });
    expect(validateChange(ordersShipping, stale, { provider: 'none' }, nl)).toMatchObject({ ok: true });
    expect(refusedOn(validateChange(ordersShipping, { ...stale, provider: 'veloyd' }, { provider: 'myparcel' }, nl))).toEqual([{ field: 'signature', reason: 'shipping.optionsOnlyForPackage' }]);
  });
});
