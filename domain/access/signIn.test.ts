import { describe, expect, it } from 'vitest';
import { checkSignIn, lockedSignInMessage, lockoutWarning, wrongSignInMessage } from './signIn';
import { signInLimits } from './signInLimits';

const anna = { email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord' };

describe('the sign-in form is checked before any account is', () => {
  it('takes a filled form, trimming the address and keeping the password as typed', () => {
    expect(checkSignIn({ email: '  Anna@Fietsenwinkel.nl ', password: ' zin met spaties ' }, 'nl')).toEqual({
      ok: true,
      value: { email: 'Anna@Fietsenwinkel.nl', password: ' zin met spaties ' },
    });
  });

  it('names every empty field by its label, in Dutch and in English', () => {
    expect(checkSignIn({ email: '', password: '' }, 'nl')).toEqual({
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
    expect(checkSignIn({ email: anna.email, password: '' }, 'en')).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Password is required.', fields: [{ field: 'password', reason: 'required', message: 'Password is required.' }] },
    });
  });

  it('counts an address of spaces, a missing field and null as empty', () => {
    expect(checkSignIn({ email: '   ', password: anna.password }, 'nl')).toMatchObject({ ok: false, error: { message: 'E-mailadres is verplicht.' } });
    expect(checkSignIn({ password: anna.password }, 'en')).toMatchObject({ ok: false, error: { message: 'E-mail address is required.' } });
    expect(checkSignIn({ email: anna.email, password: null }, 'nl')).toMatchObject({ ok: false, error: { message: 'Wachtwoord is verplicht.' } });
  });

  it('refuses an address or password over its limit and says the limit, and takes one at the limit', () => {
    const longEmail = `${'a'.repeat(signInLimits.email - 16)}@fietsenwinkel.nl`;
    expect(longEmail).toHaveLength(signInLimits.email + 1);
    expect(checkSignIn({ email: longEmail, password: anna.password }, 'nl')).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'E-mailadres mag hoogstens 320 tekens hebben.', fields: [{ field: 'email', reason: 'too_long', message: 'E-mailadres mag hoogstens 320 tekens hebben.' }] },
    });
    expect(checkSignIn({ email: anna.email, password: 'p'.repeat(signInLimits.password + 1) }, 'en')).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'password', reason: 'too_long', message: 'Password must be at most 1024 characters.' }] },
    });
    expect(checkSignIn({ email: longEmail.slice(1), password: 'p'.repeat(signInLimits.password) }, 'nl')).toMatchObject({ ok: true });
  });

  it('says a field that is not text is not text, and a form that is no object is unreadable', () => {
    expect(checkSignIn({ email: 42, password: anna.password }, 'nl')).toMatchObject({ ok: false, error: { fields: [{ field: 'email', message: 'E-mailadres moet tekst zijn.' }] } });
    expect(checkSignIn('anna', 'nl')).toStrictEqual({ ok: false, error: { code: 'invalid_input', message: 'De wijziging is onleesbaar: verwacht werden velden met waarden.' } });
    expect(checkSignIn(null, 'en')).toStrictEqual({ ok: false, error: { code: 'invalid_input', message: 'The change is unreadable: fields with values were expected.' } });
  });
});

describe('a wrong sign-in says how many tries are left', () => {
  it('in the plural, and in the singular for the last one', () => {
    expect(wrongSignInMessage(4, 5, 'nl')).toBe('Onbekend e-mailadres of onjuist wachtwoord. Na 4 mislukte pogingen meer wordt het account 5 minuten geblokkeerd.');
    expect(wrongSignInMessage(1, 5, 'nl')).toBe('Onbekend e-mailadres of onjuist wachtwoord. Na 1 mislukte poging meer wordt het account 5 minuten geblokkeerd.');
    expect(wrongSignInMessage(2, 5, 'en')).toBe('Unknown e-mail address or wrong password. After 2 more failed attempts the account is locked for 5 minutes.');
    expect(wrongSignInMessage(1, 5, 'en')).toBe('Unknown e-mail address or wrong password. After 1 more failed attempt the account is locked for 5 minutes.');
  });

  it('names the lockout it is given, not a fixed 5 minutes, singular for one minute', () => {
    expect(wrongSignInMessage(3, 15, 'nl')).toBe('Onbekend e-mailadres of onjuist wachtwoord. Na 3 mislukte pogingen meer wordt het account 15 minuten geblokkeerd.');
    expect(wrongSignInMessage(3, 1, 'nl')).toBe('Onbekend e-mailadres of onjuist wachtwoord. Na 3 mislukte pogingen meer wordt het account 1 minuut geblokkeerd.');
    expect(wrongSignInMessage(1, 1, 'en')).toBe('Unknown e-mail address or wrong password. After 1 more failed attempt the account is locked for 1 minute.');
  });
});

describe('a wrong current password (Wachtwoord wijzigen) warns of the same lockout', () => {
  it('names the tries left and the lockout, singular for the last try and for one minute', () => {
    expect(lockoutWarning(4, 5, 'nl')).toBe('Na 4 mislukte pogingen meer wordt het account 5 minuten geblokkeerd.');
    expect(lockoutWarning(1, 1, 'nl')).toBe('Na 1 mislukte poging meer wordt het account 1 minuut geblokkeerd.');
    expect(lockoutWarning(3, 15, 'en')).toBe('After 3 more failed attempts the account is locked for 15 minutes.');
    expect(lockoutWarning(1, 5, 'en')).toBe('After 1 more failed attempt the account is locked for 5 minutes.');
  });
});

describe('a locked account says how long it still waits', () => {
  it('in minutes, and in the singular for the last one', () => {
    expect(lockedSignInMessage(3, 'nl')).toBe('Te veel mislukte pogingen: dit account is geblokkeerd. Probeer het over 3 minuten opnieuw.');
    expect(lockedSignInMessage(1, 'nl')).toBe('Te veel mislukte pogingen: dit account is geblokkeerd. Probeer het over 1 minuut opnieuw.');
    expect(lockedSignInMessage(2, 'en')).toBe('Too many failed attempts: this account is locked. Try again in 2 minutes.');
    expect(lockedSignInMessage(1, 'en')).toBe('Too many failed attempts: this account is locked. Try again in 1 minute.');
  });
});
