import { expect, it } from 'vitest';
import { quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';

/**
 * Sign-in takes passwords of at most 1024 characters (and its field cuts a pasted one there), so
 * no password may be set longer than that: its owner could never sign in with it.
 */
const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', backOfficeName: 'Fietsenwinkel De Spaak' };
const passphrase = (length: number) => 'fiets bel zadel trapper ketting '.repeat(40).slice(0, length);

it('refuses a first password longer than sign-in takes, naming the field, and sets up nothing', async () => {
  const app = quickBackofficeOn(tempDir());
  const result = await app.services.access.setup({ ...owner, password: passphrase(1025) }, 'nl');
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid', fields: [{ field: 'password', message: 'Wachtwoord mag hoogstens 1024 tekens hebben.' }] } });
  expect(app.services.access.needsSetup()).toBe(true);
  await app.close();
});

it('takes a first password of exactly 1024 characters, and its owner signs in with it', async () => {
  const app = quickBackofficeOn(tempDir());
  expect(await app.services.access.setup({ ...owner, password: passphrase(1024) }, 'nl')).toMatchObject({ ok: true });
  expect(await app.services.access.signIn({ email: owner.email, password: passphrase(1024) }, 'nl')).toMatchObject({ ok: true });
  await app.close();
});

it('refuses a new password longer than sign-in takes when the owner changes it, in English too', async () => {
  const app = quickBackofficeOn(tempDir());
  const set = await app.services.access.setup({ ...owner, password: 'een lange zin als wachtwoord' }, 'nl');
  if (!set.ok) throw new Error('set-up failed');
  const changed = await app.services.access.changeOwnPassword(set.value, { currentPassword: 'een lange zin als wachtwoord', newPassword: passphrase(2000) }, 'en');
  expect(changed).toMatchObject({ ok: false, error: { fields: [{ field: 'newPassword', message: 'Password must be at most 1024 characters.' }] } });
  expect(await app.services.access.signIn({ email: owner.email, password: 'een lange zin als wachtwoord' }, 'nl')).toMatchObject({ ok: true });
  await app.close();
});
