import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inKeychainSession } from '../../../test/keychainSession';
import { configureMailShop, pickupValues } from '../../../test/mailShop';
import { backofficeOn } from '../../../test/services';
import { makeCertificates, startSmtpServer, type Certificates, type TestSmtpServer } from '../../../test/smtpServer';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { loadKeytar } from '../secrets/keytarBackend';
import { claimMail } from './mailQueue';

/**
 * A restart after the host stopped while a mail was with the server, in this process (so the
 * mutation run sees it; mailCrash.test.ts kills a real child process for the same story).
 */
const tempDir = useTempDir();
let certificates: Certificates;
let smtp: TestSmtpServer;

beforeAll(() => {
  certificates = makeCertificates();
});
afterEach(async () => smtp.stop());

describe.runIf(inKeychainSession)('the mail queue after a restart', () => {
  it('sends a mail left with the server again after a restart, with the same Message-ID, and flags it', async () => {
    const dir = tempDir();
    smtp = await startSmtpServer({ certificates });
    const first = backofficeOn(dir, { keychain: await loadKeytar(createMemoryLogger()), trustedCertificates: [certificates.ca] });
    await configureMailShop(first, smtp.port);
    const queued = first.store.orm.transaction((tx) =>
      first.services.mail.queueTemplate(tx, { kind: 'readyForPickup', to: 'zoe@example.nl', values: pickupValues, lang: 'nl', by: 'kassa' }),
    );
    const mail = queued.ok ? queued.value : null;
    // What a kill during the SMTP session leaves on disk: the row claimed, never marked sent.
    expect(claimMail(first.store.orm, mail?.id ?? 0)).toBe(true);
    await first.close();

    const second = backofficeOn(dir, { keychain: await loadKeytar(createMemoryLogger()), trustedCertificates: [certificates.ca] });
    second.services.mail.start();
    await smtp.waitFor(1);
    await second.close();
    expect(smtp.received[0]?.parsed.messageId).toBe(mail?.messageId);
    const reopened = backofficeOn(dir);
    expect(reopened.services.mail.list('nl')[0]).toMatchObject({
      state: 'sent',
      interrupted: true,
      messageId: mail?.messageId,
    });
    await reopened.close();
  });
});
