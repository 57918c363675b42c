import { describe, expect, it } from 'vitest';
import { passwordReason, passwordRefusal, personalWords } from './passwordRules';

// Kees Bakker sells bicycles at Rijwielhandel De Spaak; his e-mail address is not his name.
const kees = personalWords('Kees Bakker', 'verkoop@rijwielhandel.nl', 'De Spaak');

describe('the words a password must not be built from', () => {
  it('are the name, the e-mail address and the shop, each whole and in its parts of three letters or more', () => {
    expect(kees).toEqual(['Kees Bakker', 'kees', 'bakker', 'verkoop@rijwielhandel.nl', 'verkoop', 'rijwielhandel', 'De Spaak', 'spaak']);
    expect(personalWords('Jan de Vos', 'j.de.vos+winkel@fiets_en_zo.nl')).toEqual(['Jan de Vos', 'jan', 'vos', 'j.de.vos+winkel@fiets_en_zo.nl', 'vos', 'winkel', 'fiets']);
  });

  it('leave out a name or shop that is not known yet', () => {
    expect(personalWords('Anna', undefined, '')).toEqual(['Anna', 'anna']);
  });
});

describe('which passwords are refused, and why', () => {
  it('refuses one made of a few characters over and over, even when the pattern is not a plain repeat', async () => {
    expect(await passwordReason('dacbbcadcabd', kees)).toBe('password.repeated');
    expect(await passwordReason('fietsbelfietsbel', kees)).toBe('password.repeated');
    expect(await passwordReason('zadelzadelzadel!', kees)).toBe('password.repeated');
  });

  it('accepts twelve characters drawn from five different ones when they follow no pattern', async () => {
    expect(await passwordReason('aebdcabecdae', kees)).toBeNull();
  });

  it('refuses words from the password and word lists, in English and Dutch', async () => {
    expect(await passwordReason('password1234', kees)).toBe('password.common');
    expect(await passwordReason('wachtwoord1234', kees)).toBe('password.common');
    expect(await passwordReason('monkey123456', kees)).toBe('password.common');
  });

  it('accepts the least guessable score (3) and above', async () => {
    expect(await passwordReason('tulpen zeven', kees)).toBeNull();
    expect(await passwordReason('qzwelkom1234', kees)).toBeNull();
  });

  it('refuses the user\'s own name with a common word, and the name reversed', async () => {
    expect(await passwordReason('welkombakker12', kees)).toBe('password.personal');
    expect(await passwordReason('spaakwelkom2026', kees)).toBe('password.personal');
    // Someone who knows Kees tries "bakker kees" backwards too; only zxcvbn, told his words, sees it.
    expect(await passwordReason('rekkab seek 1980', kees)).toBe('password.personal');
  });

  it('accepts a name inside a sentence that is strong without it', async () => {
    expect(await passwordReason('bakker tulpen zeven', kees)).toBeNull();
    expect(await passwordReason('bakker tulpen zeven rood', kees)).toBeNull();
  });

  it('looks for a name of three letters, but not for one of two', async () => {
    expect(await passwordReason('riawelkom1234', personalWords('Ria'))).toBe('password.personal');
    expect(await passwordReason('jowelkom1234', personalWords('Jo'))).toBeNull();
  });
});

describe('the refusal as the form shows it', () => {
  it('names the field by its label, in Dutch and in English', async () => {
    expect(await passwordRefusal('kort', kees, 'nl')).toEqual({
      field: 'password',
      reason: 'password.tooShort',
      message: 'Wachtwoord moet minstens 12 tekens hebben; een zin van een paar woorden is makkelijk te onthouden.',
    });
    expect(await passwordRefusal('rekkab seek 1980', kees, 'en', 'newPassword')).toEqual({
      field: 'newPassword',
      reason: 'password.personal',
      message: 'Password contains your name, e-mail address or the shop\'s name; anyone who knows you would guess it.',
    });
    expect(await passwordRefusal('fietsbelfietsbel', kees, 'nl')).toMatchObject({ reason: 'password.repeated', message: 'Wachtwoord herhaalt steeds hetzelfde teken of patroon; kies een zin van een paar woorden.' });
  });

  it('is nothing for a good password', async () => {
    expect(await passwordRefusal('zadels en bellen in de etalage', kees, 'nl')).toBeNull();
  });
});
