import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../db/backup';
import { quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { fieldHistory } from '../store/records';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };
const logged = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('setting up the back office', () => {
  it('refuses a form it cannot read, in Dutch, and creates nothing', async () => {
    const app = quickBackofficeOn(tempDir());
    const unreadable = { ok: false, error: { code: 'invalid_input', message: 'De wijziging is onleesbaar: verwacht werden velden met waarden.' } };
    expect(await app.services.access.setup(null, 'nl')).toEqual(unreadable);
    expect(await app.services.access.setup({ name: owner.name, email: owner.email, backOfficeName: owner.backOfficeName }, 'nl')).toEqual(unreadable);
    expect(app.services.access.needsSetup()).toBe(true);
    await app.close();
  });

  it('refuses bad fields with the code and message of a refused change, in the window\'s language', async () => {
    const app = quickBackofficeOn(tempDir());
    const result = await app.services.access.setup({ ...owner, backOfficeName: '' }, 'en');
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Not saved: check the highlighted fields.', fields: [expect.objectContaining({ field: 'backOfficeName', message: expect.stringMatching(/^Back office name /) })] },
    });
    expect(app.services.access.needsSetup()).toBe(true);
    await app.close();
  });

  it('answers "already set up" once there is an Administrator, whatever the second form says', async () => {
    const app = quickBackofficeOn(tempDir());
    expect(await app.services.access.setup(owner, 'nl')).toMatchObject({ ok: true });
    expect(await app.services.access.setup({ ...owner, email: 'bram@fietsenwinkel.nl', password: 'kort' }, 'nl')).toEqual({
      ok: false,
      error: { code: 'already_set_up', message: 'Backoffice is al ingericht; meld u aan.' },
    });
    await app.close();
  });

  it('makes one Administrator when two windows set up at the same moment', async () => {
    const app = quickBackofficeOn(tempDir());
    const [anna, bram] = await Promise.all([
      app.services.access.setup(owner, 'nl'),
      app.services.access.setup({ ...owner, name: 'Bram Jansen', email: 'bram@fietsenwinkel.nl', backOfficeName: 'Rijwielhandel Jansen' }, 'nl'),
    ]);
    expect(anna).toMatchObject({ ok: true, value: { email: 'anna@fietsenwinkel.nl' } });
    expect(bram).toEqual({ ok: false, error: { code: 'already_set_up', message: 'Backoffice is al ingericht; meld u aan.' } });
    expect(app.services.lists.list('users')).toMatchObject({ ok: true, value: [{ values: { name: 'Anna de Vries' } }] });
    expect(app.services.settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { backOfficeName: 'Fietsenwinkel De Spaak' } } });
    await app.close();
  });

  it('signs the Administrator in at once, tied to no till, with the back office name in the history by her name', async () => {
    const app = quickBackofficeOn(tempDir());
    const setup = await app.services.access.setup(owner, 'nl');
    expect(setup).toMatchObject({ ok: true, value: { name: 'Anna de Vries', role: 'administrator', lang: 'nl' } });
    expect(app.services.access.session(setup.ok ? setup.value.id : null)).toMatchObject({ email: 'anna@fietsenwinkel.nl' });
    expect(app.services.lists.list('users')).toMatchObject({ ok: true, value: [{ values: { stores: [], active: true } }] });
    expect(fieldHistory(app.store.orm, 'users', setup.ok ? setup.value.userId : '', 'name')).toMatchObject([{ by: 'Anna de Vries', origin: 'local', newValue: 'Anna de Vries' }]);
    expect(app.services.settings.history('company.general', 'backOfficeName')).toMatchObject({
      ok: true,
      value: [{ by: 'Anna de Vries', origin: 'local', newValue: 'Fietsenwinkel De Spaak' }],
    });
    await app.close();
  });

  it('takes the first backup right away, so no backup ever lacks the Administrator, and logs who was set up', async () => {
    const logger = createMemoryLogger();
    const app = quickBackofficeOn(tempDir(), { logger });
    expect(listBackups(app.store.backupDir)).toHaveLength(0);
    const setup = await app.services.access.setup(owner, 'nl');
    await app.close();
    expect(listBackups(app.store.backupDir)).toHaveLength(1);
    expect(logged(logger.lines)).toContainEqual(expect.objectContaining({ level: 'info', event: 'access.setUp', userId: setup.ok ? setup.value.userId : 'none' }));
    expect(logger.lines.join('\n')).not.toContain(owner.password);
  });
});
