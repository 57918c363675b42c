import { describe, expect, it } from 'vitest';
import { quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };

async function shop() {
  const logger = createMemoryLogger();
  const app = quickBackofficeOn(tempDir(), { logger });
  const setup = await app.services.access.setup(owner, 'nl');
  if (!setup.ok) throw new Error('setup failed');
  const create = (values: Record<string, unknown>) => app.services.lists.create('users', values, { by: 'Anna de Vries', lang: 'nl' });
  const users = () => {
    const listed = app.services.lists.list('users');
    return listed.ok ? listed.value.map((user) => user.values.name) : [];
  };
  const hashes = () => (app.store.sqlite.prepare('SELECT count(*) AS n FROM credentials').get() as { n: number }).n;
  return { app, logger, create, users, hashes };
}

describe('a new user and their first password', () => {
  it('refuses a password made of the new user\'s name, and one made of their e-mail address', async () => {
    const { app, create, users } = await shop();
    // Name and address share no word, so each refusal comes from one of them alone.
    const kees = { name: 'Kees Bakker', email: 'verkoop@rijwielhandel.nl', role: 'fullUser' };
    for (const password of ['welkombakker12', 'rijwielhandel12']) {
      expect(await app.services.access.createUser(kees, password, 'nl', create), password).toMatchObject({ ok: false, error: { code: 'invalid', fields: [{ field: 'password', reason: 'password.personal' }] } });
    }
    expect(users()).toEqual(['Anna de Vries']);
    await app.close();
  });

  it('stores no password when the user is refused, and answers the refusal instead of failing', async () => {
    const { app, create, users, hashes } = await shop();
    const refused = await app.services.access.createUser({ name: 'Kees Bakker', email: 'kees@', role: 'fullUser' }, 'zadels en bellen in de etalage', 'nl', create);
    expect(refused).toMatchObject({ ok: false, error: { fields: [expect.objectContaining({ field: 'email' })] } });
    expect(users()).toEqual(['Anna de Vries']);
    expect(hashes()).toBe(1);
    await app.close();
  });

  it('logs who was created, never the password', async () => {
    const { app, logger, create } = await shop();
    const created = await app.services.access.createUser({ name: 'Kees Bakker', email: 'kees@fietsenwinkel.nl', role: 'fullUser' }, 'zadels en bellen in de etalage', 'nl', create);
    expect(created).toMatchObject({ ok: true });
    expect(logger.lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(expect.objectContaining({ event: 'access.userCreated', userId: created.ok ? created.value.id : 'none' }));
    expect(logger.lines.join('\n')).not.toContain('zadels en bellen');
    await app.close();
  });
});
