import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inKeychainSession } from '../../../test/keychainSession';
import { configureMailShop } from '../../../test/mailShop';
import { backofficeOn } from '../../../test/services';
import { makeCertificates, startSmtpServer, type Certificates, type TestSmtpServer } from '../../../test/smtpServer';
import { useTempDir } from '../../../test/tempDir';
import type { Session } from '../../services/access/session';
import { createMemoryLogger } from '../../services/logger';
import { loadKeytar } from '../../services/secrets/keytarBackend';
import { createDispatch } from '../dispatch';
import { apiTable } from '../table';

const tempDir = useTempDir();
let certificates: Certificates;
let smtp: TestSmtpServer;
beforeAll(() => {
  certificates = makeCertificates();
});
afterEach(async () => smtp.stop());

const anna: Session = { id: 's-1', userId: 'u-1', name: 'Anna de Vries', email: 'anna@despaak.nl', role: 'administrator', lang: 'nl' };
const caller = { session: anna, bindSession: () => undefined };

async function dispatcher() {
  smtp = await startSmtpServer({ certificates });
  const app = backofficeOn(tempDir(), { keychain: await loadKeytar(createMemoryLogger()), trustedCertificates: [certificates.ca] });
  await configureMailShop(app, smtp.port);
  return { app, dispatch: createDispatch({ table: apiTable, services: app.services, logger: app.logger }) };
}

describe.runIf(inKeychainSession)('the mail calls', () => {
  it('refuses a recipient that is no address, naming the field, and sends nothing', async () => {
    const { app, dispatch } = await dispatcher();
    expect(await dispatch('mail.sendTest', { to: 'anna at despaak' }, caller)).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: 'Ontvanger is geen geldig e-mailadres, bijvoorbeeld info@winkel.nl.',
        fields: [{ field: 'to', reason: 'email.invalid', message: 'Ontvanger is geen geldig e-mailadres, bijvoorbeeld info@winkel.nl.' }],
      },
    });
    expect(app.services.mail.list('nl')).toEqual([]);
    await app.close();
  });

  it('sends a sample of the template as it is being edited, with sample data; a misspelt placeholder is refused first', async () => {
    const { app, dispatch } = await dispatcher();
    const misspelt = await dispatch('mail.sendSample', { kind: 'orderConfirmation', to: 'anna@despaak.nl', subject: 'Order {{ order.numbr }}', body: 'Dear', variant: 'en' }, caller);
    expect(misspelt).toMatchObject({ ok: false, error: { code: 'invalid', fields: [{ field: 'subjectEn', reason: 'templates.unknownPlaceholder' }] } });

    const sample = await dispatch('mail.sendSample', { kind: 'orderConfirmation', to: 'Anna@DeSpaak.nl', subject: 'Bestelling {{ order.number }} & meer', body: 'Beste {{ customer.name }}, totaal {{ order.total }}' }, caller);
    expect(sample).toMatchObject({ ok: true, value: { answer: '250 2.0.0 Ok: queued as TEST1' } });
    const [arrived] = await smtp.waitFor(1);
    expect(arrived?.envelope.to[0]).toBe('anna@despaak.nl');
    expect(arrived?.parsed.subject).toBe('Bestelling S4-10023 & meer');
    expect(arrived?.parsed.text).toBe('Beste Jan Jansen, totaal € 1.234,56');
    expect(app.services.mail.list('nl')[0]).toMatchObject({ kind: 'orderConfirmation', state: 'sent', createdBy: 'Anna de Vries' });
    await app.close();
  });
});
