import { describe, expect, it } from 'vitest';
import { validateMutation } from './validateMutation';

const update = (collection: string, recordId: string, changes: Record<string, unknown>) => ({ op: 'update' as const, collection, recordId, changes });

describe('validateMutation: the cloud checks a pushed change with the desktop catalogue', () => {
  it('accepts a valid change and returns it as the catalogue normalises it', () => {
    expect(validateMutation(update('settings', 'company.contact', { phone: '030 123 4567' }), {})).toMatchObject({ ok: true, changes: { phone: '+31 30 123 4567' } });
  });

  it('refuses a value with a reason naming the field by its label in Dutch and English', () => {
    expect(validateMutation(update('settings', 'company.contact', { email: 'geen-adres' }), {})).toEqual({
      ok: false,
      rejection: { code: expect.any(String), field: 'email', message: { nl: expect.stringMatching(/^E-mailadres/), en: expect.stringMatching(/^E-mail address/) } },
    });
  });

  it('refuses unknown groups, lists and fields, secrets, deleting settings and a delete that carries values', () => {
    const code = (check: ReturnType<typeof validateMutation>) => (check.ok ? 'ok' : check.rejection.code);
    expect(code(validateMutation(update('settings', 'company.kassa', { a: 1 }), {}))).toBe('unknown_group');
    expect(code(validateMutation(update('kassabonnen', 'x', { a: 1 }), {}))).toBe('unknown_collection');
    expect(code(validateMutation(update('paymentMethods', 'x', { kleur: 'rood' }), {}))).toBe('unknown_field');
    expect(code(validateMutation(update('settings', 'email', { smtpPassword: 'geheim' }), {}))).toBe('secret_field');
    expect(code(validateMutation({ op: 'delete', collection: 'settings', recordId: 'company.contact', changes: {} }, {}))).toBe('sync.deleteSettings');
    expect(code(validateMutation({ op: 'delete', collection: 'paymentMethods', recordId: 'x', changes: { nameNl: 'Pin' } }, {}))).toBe('sync.deleteWithChanges');
    expect(code(validateMutation({ op: 'delete', collection: 'paymentMethods', recordId: 'x', changes: {} }, {}))).toBe('ok');
  });

  it('refuses a field that belongs to one workstation, such as the receipt printer address', () => {
    expect(validateMutation(update('settings', 'media.receiptPrinter', { host: '192.168.1.50' }), {})).toEqual({
      ok: false,
      rejection: { code: 'sync.workstationField', field: 'host', message: { nl: 'Adres van de printer hoort bij één werkplek en wordt niet gesynchroniseerd.', en: 'Printer address belongs to one workstation and is not synced.' } },
    });
  });

  it('checks rules over several fields against the values the cloud already holds', () => {
    const check = validateMutation(update('settings', 'company.contact', { postcode: '12345' }), { country: 'NL' });
    expect(check).toMatchObject({ ok: false, rejection: { field: 'postcode' } });
    expect(validateMutation(update('settings', 'company.contact', { postcode: '12345' }), { country: 'DE' })).toMatchObject({ ok: true });
  });

  it('lets an ordered list carry its position, and only a sensible one', () => {
    expect(validateMutation(update('paymentMethods', 'x', { position: 3 }), {})).toMatchObject({ ok: true, changes: { position: 3 } });
    expect(validateMutation(update('paymentMethods', 'x', { position: 'eerst' }), {})).toMatchObject({ ok: false });
    expect(validateMutation(update('users', 'x', { position: 3 }), {})).toMatchObject({ ok: false, rejection: { code: 'unknown_field' } });
  });

  it('an ordered list may carry a sort key of 1 to 100 letters and digits', () => {
    expect(validateMutation(update('paymentMethods', 'x', { orderKey: 'a0' }), {})).toMatchObject({ ok: true, changes: { orderKey: 'a0' } });
    expect(validateMutation(update('paymentMethods', 'x', { orderKey: 'Z'.repeat(100) }), {})).toMatchObject({ ok: true });
    for (const orderKey of ['', 'a-0', 'Z'.repeat(101), 7, ' a0', 'a0 ']) {
      expect(validateMutation(update('paymentMethods', 'x', { orderKey }), {})).toMatchObject({ ok: false, rejection: { code: 'invalid', field: 'orderKey' } });
    }
    expect(validateMutation(update('paymentMethods', 'x', { position: Number.POSITIVE_INFINITY }), {})).toMatchObject({ ok: false });
  });

  it('names an unknown group as sent, and settings by their label, in both languages', () => {
    expect(validateMutation(update('settings', 'company.kassa', { a: 1 }), {})).toMatchObject({
      ok: false,
      rejection: { message: { nl: 'Er bestaan geen instellingen met de naam company.kassa.', en: 'There are no settings called company.kassa.' } },
    });
    expect(validateMutation({ op: 'delete', collection: 'settings', recordId: 'company.contact', changes: {} }, {})).toMatchObject({
      ok: false,
      rejection: { message: { nl: 'Instellingen (Contactinformatie) kunnen niet verwijderd worden, alleen gewijzigd.', en: 'Settings (Contact information) cannot be deleted, only changed.' } },
    });
    expect(validateMutation(update('paymentMethods', 'x', { position: 'eerst' }), {})).toMatchObject({
      ok: false,
      rejection: { message: { nl: 'position is ongeldig.', en: 'position is invalid.' } },
    });
  });

  it('refuses an update without fields, but lets a new item start from its defaults', () => {
    expect(validateMutation(update('paymentMethods', 'x', {}), {})).toEqual({
      ok: false,
      rejection: { code: 'sync.noChanges', message: { nl: 'De wijziging bevat geen velden.', en: 'The change contains no fields.' } },
    });
    expect(validateMutation({ op: 'create', collection: 'paymentMethods', recordId: 'x', changes: {} }, {})).toMatchObject({ ok: true, changes: {} });
  });

  it("lets a device send a webhook's status only as the cloud holds it, since the webshop's answer alone sets it", () => {
    expect(validateMutation(update('webhooks', 'w1', { status: 'connected' }), { status: 'connected' })).toMatchObject({ ok: true, changes: { status: 'connected' } });
    expect(validateMutation(update('webhooks', 'w1', { status: 'disconnected' }), {})).toMatchObject({ ok: true, changes: { status: 'disconnected' } });
    expect(validateMutation(update('webhooks', 'w1', { status: 'connected' }), {})).toMatchObject({ ok: false, rejection: { code: 'read_only', field: 'status' } });
  });

  it('gives the English message of the same field when a change is refused', () => {
    expect(validateMutation(update('settings', 'company.billing', { invoiceFooter: 'Bedankt!', paymentTermDays: 120 }), {})).toEqual({
      ok: false,
      rejection: { code: 'too_big', field: 'paymentTermDays', message: { nl: 'Betalingstermijn mag hoogstens 90 zijn.', en: 'Payment term must be at most 90.' } },
    });
  });

  it("takes what the desktop recorded from the payment provider, but never a webhook's status the cloud records", () => {
    expect(validateMutation(update('paymentMethods', 'x', { providerStatus: 'dropped', providerName: 'PayPal' }), { providerStatus: 'available' })).toMatchObject({
      ok: true,
      changes: { providerStatus: 'dropped', providerName: 'PayPal' },
    });
    expect(validateMutation(update('paymentMethods', 'x', { providerStatus: 'weg' }), {})).toMatchObject({ ok: false, rejection: { field: 'providerStatus' } });
    expect(validateMutation(update('webhooks', 'x', { status: 'connected' }), { status: 'disconnected' })).toMatchObject({ ok: false, rejection: { code: 'read_only' } });
  });
});

describe('validateMutation: password and PIN hashes', () => {
  // Made by hashSecret for this test; the cloud sees only strings of this shape.
  const hash = 'scrypt$16384$8$5$2yfRzBzj1H8qEcQ1cskSOg==$fzwNAQ5eUu7jCUQMo3XVo3sVWYVCySZsxdjfTtLcXlU=';
  const credential = (changes: Record<string, unknown>, op: 'create' | 'update' | 'delete' = 'update') => validateMutation({ op, collection: 'credentials', recordId: 'user-anna', changes }, {});
  const code = (check: ReturnType<typeof validateMutation>) => (check.ok ? 'ok' : check.rejection.code);

  it('accepts a well-formed scrypt hash for the password or the PIN, as it is', () => {
    expect(credential({ password: hash }, 'create')).toMatchObject({ ok: true, changes: { password: hash } });
    expect(credential({ pin: hash, password: hash })).toMatchObject({ ok: true, changes: { pin: hash, password: hash } });
    // OWASP's equivalent with more memory and one lane is as good as today's parameters.
    expect(code(credential({ password: hash.replace('$16384$8$5$', '$131072$8$1$') }))).toBe('ok');
  });

  it('refuses a password in plain text, a damaged or weak hash, any other field, and deleting, without repeating the value', () => {
    const refused = [
      'Fietsbel-Oranje-42',
      '',
      42,
      null,
      hash.slice(0, -4),
      hash.replace('scrypt$', 'bcrypt$'),
      hash.replace('2yfRzBzj1H8qEcQ1cskSOg==', 'AAAA'),
      `${hash}$extra`,
    ];
    for (const value of refused) {
      const check = credential({ password: value });
      expect(check).toMatchObject({ ok: false, rejection: { code: 'credential.notHash', field: 'password', message: { nl: 'Wachtwoord: alleen een scrypt-hash wordt gesynchroniseerd, en dit is er geen.' } } });
      if (!check.ok && typeof value === 'string' && value !== '') expect(JSON.stringify(check.rejection)).not.toContain(value);
    }
    expect(code(credential({ password: hash, session: 'abc' }))).toBe('unknown_field');
    expect(code(credential({ failures: 3 }))).toBe('unknown_field');
    expect(code(credential({}, 'delete'))).toBe('sync.deleteCredentials');
  });

  it('takes only the parameter sets this app writes: none that OpenSSL cannot compute, none that take half a minute per sign-in', () => {
    for (const cost of ['$16384$8$5$', '$32768$8$3$', '$131072$8$1$']) expect(code(credential({ password: hash.replace('$16384$8$5$', cost) })), cost).toBe('ok');
    const refused = [
      // OpenSSL needs N < 2^(16·r): with r=1 every sign-in threw, and the user was locked out everywhere.
      '$131072$1$5$',
      '$65536$1$16$',
      // N·r·p = 2^24: about 33 s of CPU per attempt while every other sign-in waits.
      '$131072$8$16$',
      '$16000$8$5$',
      '$1024$8$1$',
      '$1048576$8$1$',
    ];
    for (const cost of refused) {
      expect(credential({ pin: hash.replace('$16384$8$5$', cost) }), cost).toMatchObject({
        ok: false,
        rejection: {
          code: 'credential.unknownCost',
          field: 'pin',
          message: { nl: "PIN: deze scrypt-hash heeft andere kosten (N, r, p) dan deze app ooit gebruikt; zo'n hash kan niet of alleen traag gecontroleerd worden en wordt niet gesynchroniseerd." },
        },
      });
    }
  });
});
