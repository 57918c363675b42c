import { describe, expect, it } from 'vitest';
import { cheapTestHashing, fixedClock, quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { createSecretHasher, verifySecret } from './secretHash';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };
const wrong = (i: number) => ({ email: owner.email, password: `geraden wachtwoord ${i}` });
const lockedFor = (minutes: number) => ({ ok: false, error: { code: 'locked', message: `Te veel mislukte pogingen: dit account is geblokkeerd. Probeer het over ${minutes} minuten opnieuw.` } });
const storedPassword = (app: ReturnType<typeof quickBackofficeOn>, userId: string) =>
  (app.store.sqlite.prepare("SELECT hash FROM credentials WHERE user_id = ? AND kind = 'password'").get(userId) as { hash: string }).hash;

async function shop(options: Parameters<typeof quickBackofficeOn>[1] = {}) {
  const app = quickBackofficeOn(tempDir(), options);
  const setup = await app.services.access.setup(owner, 'nl');
  if (!setup.ok) throw new Error('setup failed');
  return { app, anna: setup.value };
}

describe('what the sign-in form answers', () => {
  it('a form it cannot read, in Dutch, without counting a failure', async () => {
    const { app } = await shop();
    const unreadable = { ok: false, error: { code: 'invalid_input', message: 'De wijziging is onleesbaar: verwacht werden velden met waarden.' } };
    expect(await app.services.access.signIn(null, 'nl')).toEqual(unreadable);
    // A form with a field too long or missing is readable: its refusal names the field (see signInInput.test.ts).
    expect(await app.services.access.signIn({ email: `${'a'.repeat(320)}@fietsenwinkel.nl`, password: owner.password }, 'nl')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'E-mailadres mag hoogstens 320 tekens hebben.' } });
    expect(await app.services.access.signIn({ email: owner.email }, 'nl')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Wachtwoord is verplicht.' } });
    expect(await app.services.access.signIn(wrong(1), 'nl')).toMatchObject({ error: { message: expect.stringContaining('Na 4 mislukte pogingen') } });
    await app.close();
  });

  it('the fifth wrong password itself says the account is now locked for 5 minutes', async () => {
    const { app } = await shop();
    for (let i = 1; i <= 4; i++) expect(await app.services.access.signIn(wrong(i), 'nl')).toMatchObject({ error: { code: 'wrong_credentials' } });
    expect(await app.services.access.signIn(wrong(5), 'nl')).toEqual(lockedFor(5));
    await app.close();
  });

  it('a locked account is told the minutes really left, counting down to the singular "1 minuut", in Dutch and English', async () => {
    const clock = fixedClock('2026-11-28T12:00:00Z');
    const { app } = await shop({ clock });
    for (let i = 1; i <= 5; i++) await app.services.access.signIn(wrong(i), 'nl');
    clock.set('2026-11-28T12:01:30Z');
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toEqual(lockedFor(4));
    clock.set('2026-11-28T12:04:30Z');
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Te veel mislukte pogingen: dit account is geblokkeerd. Probeer het over 1 minuut opnieuw.' },
    });
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'en')).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Too many failed attempts: this account is locked. Try again in 1 minute.' },
    });
    await app.close();
  });

  it('four wrong passwords and then the right one signs in', async () => {
    const { app } = await shop();
    for (let i = 1; i <= 4; i++) await app.services.access.signIn(wrong(i), 'nl');
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: true });
    await app.close();
  });

  it('the right password sent together with five wrong guesses is refused: the lock comes before the check', async () => {
    const { app } = await shop();
    const answers = await Promise.all([...[1, 2, 3, 4, 5].map((i) => app.services.access.signIn(wrong(i), 'nl')), app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')]);
    expect(answers[5]).toEqual(lockedFor(5));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(0);
    await app.close();
  });

  it('a user who has no password yet cannot sign in, and is told nothing more than for a wrong password', async () => {
    const { app } = await shop();
    expect(await app.services.lists.create('users', { name: 'Kees Bakker', email: 'kees@fietsenwinkel.nl', role: 'fullUser' }, { by: 'Anna de Vries', lang: 'nl' })).toMatchObject({ ok: true });
    expect(await app.services.access.signIn({ email: 'kees@fietsenwinkel.nl', password: 'wat dan ook als wachtwoord' }, 'nl')).toMatchObject({
      ok: false,
      error: { code: 'wrong_credentials', message: expect.stringContaining('Onbekend e-mailadres of onjuist wachtwoord.') },
    });
    await app.close();
  });
});

describe('a password hash of an older cost', () => {
  it('is redone at today\'s cost when its owner signs in, and still takes the same password', async () => {
    const { app, anna } = await shop();
    const older = await createSecretHasher({ ...cheapTestHashing, N: cheapTestHashing.N / 2 }).hash(owner.password);
    app.store.sqlite.prepare("UPDATE credentials SET hash = ? WHERE user_id = ? AND kind = 'password'").run(older, anna.userId);
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: true });
    const redone = storedPassword(app, anna.userId);
    expect(redone).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifySecret(owner.password, redone)).toBe(true);
    await app.close();
  });

  it('is left alone when it is already today\'s', async () => {
    const { app, anna } = await shop();
    const before = storedPassword(app, anna.userId);
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: true });
    expect(storedPassword(app, anna.userId)).toBe(before);
    await app.close();
  });
});

describe('what the log keeps of signing in', () => {
  it('who signed in, and how many failures in a row, never the typed address or password', async () => {
    const logger = createMemoryLogger();
    const { app, anna } = await shop({ logger, clock: fixedClock('2026-11-28T09:00:00Z') });
    await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl');
    for (let i = 1; i <= 5; i++) await app.services.access.signIn({ email: 'mallory@voorbeeld.nl', password: `poging ${i} van mallory` }, 'nl');
    const events = logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toContainEqual(expect.objectContaining({ level: 'info', event: 'access.signedIn', userId: anna.userId }));
    expect(events.filter((event) => event.event === 'access.signInFailed')).toEqual([1, 2, 3, 4, 5].map((failures) => expect.objectContaining({ level: 'warn', failures, locked: failures === 5 })));
    expect(logger.lines.join('\n')).not.toMatch(/mallory|een lange zin/);
    await app.close();
  });
});
