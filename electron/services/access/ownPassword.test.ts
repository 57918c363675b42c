import { describe, expect, it } from 'vitest';
import { fixedClock, quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };
const newPassword = 'tandwielen smeren voor de winter';

async function signedInAnna(logger = createMemoryLogger()) {
  const clock = fixedClock('2026-11-28T09:00:00Z');
  const app = quickBackofficeOn(tempDir(), { clock, logger });
  const setup = await app.services.access.setup(owner, 'nl');
  if (!setup.ok) throw new Error('setup failed');
  return { app, clock, logger, anna: setup.value };
}
const guess = (i: number) => ({ currentPassword: `niet mijn wachtwoord ${i}`, newPassword });

describe('changing one\'s own password', () => {
  it('with a wrong current password: refused naming the field, in the window\'s language, and nothing changes', async () => {
    const { app, anna } = await signedInAnna();
    // The field says what is wrong; the message adds the warning the sign-in form gives, since a wrong current password counts towards the same lockout.
    expect(await app.services.access.changeOwnPassword(anna, guess(1), 'nl')).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: 'Huidig wachtwoord: dit is niet uw huidige wachtwoord. Na 4 mislukte pogingen meer wordt het account 5 minuten geblokkeerd.',
        fields: [{ field: 'currentPassword', reason: 'password.oldWrong', message: 'Huidig wachtwoord: dit is niet uw huidige wachtwoord.' }],
      },
    });
    expect(await app.services.access.changeOwnPassword(anna, guess(2), 'en')).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'Current password: this is not your current password. After 3 more failed attempts the account is locked for 5 minutes.' },
    });
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: true });
    await app.close();
  });

  it('locks after five wrong current passwords, counting from the fifth, like the sign-in form', async () => {
    const { app, clock, anna } = await signedInAnna();
    for (let i = 1; i <= 3; i++) await app.services.access.changeOwnPassword(anna, guess(i), 'nl');
    expect(await app.services.access.changeOwnPassword(anna, guess(4), 'nl')).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('Na 1 mislukte poging meer wordt het account 5 minuten geblokkeerd.') } });
    // The fifth wrong one locks, and says so as sign-in does, still naming the field.
    expect(await app.services.access.changeOwnPassword(anna, guess(5), 'nl')).toEqual({
      ok: false,
      error: {
        code: 'locked',
        message: 'Huidig wachtwoord: dit is niet uw huidige wachtwoord. Te veel mislukte pogingen: dit account is geblokkeerd. Probeer het over 5 minuten opnieuw.',
        fields: [{ field: 'currentPassword', reason: 'password.oldWrong', message: 'Huidig wachtwoord: dit is niet uw huidige wachtwoord.' }],
      },
    });
    clock.set('2026-11-28T09:02:00Z');
    expect(await app.services.access.changeOwnPassword(anna, { currentPassword: owner.password, newPassword }, 'nl')).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Te veel mislukte pogingen: dit account is geblokkeerd. Probeer het over 3 minuten opnieuw.' },
    });
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: false, error: { code: 'locked' } });
    await app.close();
  });

  it('the right current password wipes the count of earlier wrong ones, also when the new one is refused', async () => {
    const { app, anna } = await signedInAnna();
    for (let i = 1; i <= 4; i++) await app.services.access.changeOwnPassword(anna, guess(i), 'nl');
    expect(await app.services.access.changeOwnPassword(anna, { currentPassword: owner.password, newPassword: 'password1234' }, 'nl')).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ field: 'newPassword', reason: 'password.common' }] },
    });
    for (let i = 5; i <= 8; i++) expect(await app.services.access.changeOwnPassword(anna, guess(i), 'nl'), `guess ${i}`).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await app.services.access.changeOwnPassword(anna, { currentPassword: owner.password, newPassword }, 'nl')).toEqual({ ok: true, value: null });
    await app.close();
  });

  it('refuses a new password made of the shop\'s name', async () => {
    const { app, anna } = await signedInAnna();
    expect(await app.services.access.changeOwnPassword(anna, { currentPassword: owner.password, newPassword: 'spaakwelkom2026' }, 'nl')).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ field: 'newPassword', reason: 'password.personal' }] },
    });
    await app.close();
  });

  it('logs whose password changed, never the password', async () => {
    const { app, logger, anna } = await signedInAnna();
    await app.services.access.changeOwnPassword(anna, { currentPassword: owner.password, newPassword }, 'nl');
    expect(logger.lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(expect.objectContaining({ event: 'access.ownPasswordChanged', userId: anna.userId }));
    expect(logger.lines.join('\n')).not.toContain('tandwielen');
    await app.close();
  });
});
