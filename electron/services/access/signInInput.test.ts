import { describe, expect, it } from 'vitest';
import { quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };

describe('a sign-in with an empty or overlong field', () => {
  it('is refused naming the field, and never counts towards the lockout', async () => {
    const app = quickBackofficeOn(tempDir());
    try {
      const access = app.services.access;
      expect(await access.setup(owner, 'nl')).toMatchObject({ ok: true });

      expect(await access.signIn({ email: '', password: '' }, 'nl')).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'E-mailadres is verplicht. Wachtwoord is verplicht.',
          fields: [
            { field: 'email', reason: 'required', message: 'E-mailadres is verplicht.' },
            { field: 'password', reason: 'required', message: 'Wachtwoord is verplicht.' },
          ],
        },
      });
      expect(await access.signIn({ email: `${'a'.repeat(330)}@fietsenwinkel.nl`, password: 'x' }, 'en')).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'E-mail address must be at most 320 characters.', fields: [{ field: 'email', reason: 'too_long' }] },
      });
      // Ten of each: twice the tries that lock an account, had they counted.
      for (let press = 0; press < 10; press += 1) {
        expect(await access.signIn({ email: owner.email, password: '' }, 'nl')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Wachtwoord is verplicht.' } });
        expect(await access.signIn({ email: owner.email, password: 'p'.repeat(1025) }, 'nl')).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', message: 'Wachtwoord mag hoogstens 1024 tekens hebben.' },
        });
      }

      // The first real wrong password still finds all five tries left, and the right one still signs in.
      expect(await access.signIn({ email: owner.email, password: 'een verkeerde zin' }, 'nl')).toMatchObject({
        ok: false,
        error: { code: 'wrong_credentials', message: expect.stringContaining('Na 4 mislukte pogingen meer') },
      });
      expect(await access.signIn({ email: ` ${owner.email.toUpperCase()} `, password: owner.password }, 'nl')).toMatchObject({ ok: true, value: { email: owner.email } });
    } finally {
      await app.close();
    }
  });

  it('counts down to the last try in the singular', async () => {
    const app = quickBackofficeOn(tempDir());
    try {
      const access = app.services.access;
      await access.setup(owner, 'nl');
      const said: string[] = [];
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const result = await access.signIn({ email: owner.email, password: `verkeerd ${attempt}` }, 'nl');
        said.push(result.ok ? 'signed in' : result.error.message);
      }
      expect(said[2]).toContain('Na 2 mislukte pogingen meer');
      expect(said[3]).toBe('Onbekend e-mailadres of onjuist wachtwoord. Na 1 mislukte poging meer wordt het account 5 minuten geblokkeerd.');
    } finally {
      await app.close();
    }
  });
});
