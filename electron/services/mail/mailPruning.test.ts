import { afterEach, describe, expect, it } from 'vitest';
import { backofficeOn, fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { discardMail, enqueueMail, markNotSent, markSent } from './mailQueue';

const tempDir = useTempDir();
const apps: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

describe('Verzonden e-mail keeps done mail for 90 days', () => {
  it('removes sent and discarded mail older than 90 days at start; keeps recent mail and any mail still waiting or failed', () => {
    const clock = fixedClock('2026-11-29T09:00:00Z');
    const app = backofficeOn(tempDir(), { clock });
    apps.push(app);
    const { orm } = app.store;
    const mail = (subject: string, at: string) =>
      enqueueMail(orm, { kind: 'test', to: 'klant@example.nl', subject, html: '<p>x</p>', text: 'x', attachTerms: false, by: 'Anna', at: new Date(at), domain: 'despaak.nl' });

    markSent(orm, mail('oud verzonden', '2026-08-30T08:59:00Z').id, '250 Ok', new Date('2026-08-30T09:00:00Z'));
    discardMail(orm, mail('oud weggegooid', '2026-06-01T10:00:00Z').id);
    markNotSent(orm, mail('oud mislukt', '2026-06-01T10:00:00Z').id, { problem: { reason: 'rejected' }, answer: '550 No', retryAt: null });
    mail('oud wachtend', '2026-06-01T10:00:00Z');
    markSent(orm, mail('net binnen 90 dagen', '2026-08-31T09:00:01Z').id, '250 Ok', new Date('2026-08-31T09:01:00Z'));

    app.services.mail.start();
    const kept = app.services.mail.list('nl').map((row) => row.subject);
    expect(kept.sort()).toEqual(['net binnen 90 dagen', 'oud mislukt', 'oud wachtend']);
    void app.services.mail.stop();
  });
});
