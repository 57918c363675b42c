import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiTable } from '../../api/table';
import { createDispatch } from '../../api/dispatch';
import { listBackups } from '../../../db/backup';
import { backofficeOn, fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createFileLogger } from '../logger';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

describe('backups (issue 11, items 9 and 12)', () => {
  it('takes the first backup right after setup, none before, and again after a day of changes while running', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-28T09:00:00Z');
    const app = backofficeOn(dir, { clock });
    await app.backups.check();
    expect(listBackups(path.join(dir, 'backups'))).toEqual([]);
    await app.services.access.setup(owner, 'nl');
    await app.backups.check();
    expect(listBackups(path.join(dir, 'backups')).map((backup) => backup.takenAt)).toEqual([new Date('2026-11-28T09:00:00Z')]);

    clock.set('2026-11-29T10:00:00Z');
    await app.backups.check();
    expect(listBackups(path.join(dir, 'backups'))).toHaveLength(1);
    app.services.settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, { by: 'Anna', lang: 'nl' });
    await app.backups.check();
    expect(listBackups(path.join(dir, 'backups')).map((backup) => backup.takenAt)).toEqual([new Date('2026-11-29T10:00:00Z'), new Date('2026-11-28T09:00:00Z')]);
    await app.close();
  });

  it('tells the next screen what was restored, from when, that later changes are gone, and where the damaged file is', async () => {
    const dir = tempDir();
    const app = backofficeOn(dir, { clock: fixedClock('2026-11-28T09:00:00Z') });
    await app.services.access.setup(owner, 'nl');
    await app.close();
    const file = path.join(dir, 'backoffice.sqlite');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 0, 100);
    fs.writeFileSync(file, bytes);

    const reopened = backofficeOn(dir, { clock: fixedClock('2026-11-28T15:00:00Z') });
    const dispatch = createDispatch({ table: apiTable, services: reopened.services, logger: reopened.logger });
    const state = await dispatch('access.state', {}, { session: null, bindSession: () => undefined });
    expect(state).toMatchObject({ ok: true, value: { needsSetup: false, notices: [{ kind: 'restored', message: { nl: expect.stringContaining('28 november 2026 om 10:00') } }] } });
    const message = state.ok ? (state.value as { notices: { message: { nl: string } }[] }).notices[0]?.message.nl : '';
    expect(message).toContain('verloren');
    const damaged = /bewaard als (\S+)\.$/.exec(message ?? '')?.[1] ?? '';
    expect(fs.readFileSync(damaged).subarray(0, 4).toString()).toBe('AAAA');
    await reopened.close();
  });
});

describe('with no backup to restore (item 11)', () => {
  it('the web host says what happened and where the damaged file is, without a stack trace', () => {
    const dir = tempDir();
    const file = path.join(dir, 'backoffice.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../web/main.ts'), '--data-dir', dir, '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`de database ${file} is beschadigd`);
    expect(run.stderr).toContain('Het beschadigde bestand is niet gewijzigd of verwijderd.');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fs.readFileSync(file).equals(Buffer.alloc(8192, 0x41))).toBe(true);
  });
});

describe('file modes (item 16)', () => {
  it('keeps the database, backups, logs, preferences and keys for this user only', async () => {
    const dir = tempDir();
    const app = backofficeOn(dir);
    await app.services.access.setup(owner, 'nl');
    app.services.preferences.set('language', 'en');
    await app.backups.check();
    const logger = createFileLogger(path.join(dir, 'logs', 'backoffice.log'));
    logger.info('test.line');
    logger.flush();
    await app.close();
    expect(mode(dir)).toBe('700');
    expect(mode(path.join(dir, 'backups'))).toBe('700');
    expect(mode(path.join(dir, 'logs'))).toBe('700');
    const files = ['backoffice.sqlite', 'preferences.json', 'sign-in.key', 'logs/backoffice.log', ...fs.readdirSync(path.join(dir, 'backups')).map((name) => `backups/${name}`)];
    expect(files.length).toBeGreaterThan(4);
    for (const name of files) expect(mode(path.join(dir, name)), name).toBe('600');
  });

  it('rotates the log: a full file is moved aside and only the newest few are kept', () => {
    const file = path.join(tempDir(), 'logs', 'backoffice.log');
    const logger = createFileLogger(file, () => new Date('2026-11-28T09:00:00Z'), { maxBytes: 1000, keep: 2 });
    for (let i = 0; i < 100; i++) logger.info('sale.line', { i, text: 'x'.repeat(50) });
    logger.flush();
    const folder = fs.readdirSync(path.dirname(file)).sort();
    expect(folder).toEqual(['backoffice.log', 'backoffice.log.1', 'backoffice.log.2']);
    for (const name of folder) expect(fs.statSync(path.join(path.dirname(file), name)).size).toBeLessThanOrEqual(1000);
    expect(fs.readFileSync(file, 'utf8')).toContain('"i":99');
    expect(mode(`${file}.1`)).toBe('600');
  });

  it('keeps logging into the same file when the full file cannot be moved aside, and rotates once it can', () => {
    const file = path.join(tempDir(), 'logs', 'backoffice.log');
    const logger = createFileLogger(file, () => new Date('2026-11-28T09:00:00Z'), { maxBytes: 1000, keep: 1 });
    // A folder where the moved-aside file must go makes the move fail, as a file held open does on Windows.
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.mkdirSync(`${file}.1`);
    fs.writeFileSync(path.join(`${file}.1`, 'in-use'), '');
    for (let i = 0; i < 40; i++) logger.info('sale.line', { i, text: 'x'.repeat(50) });
    logger.flush();
    expect(fs.readFileSync(file, 'utf8')).toContain('"i":39');
    expect(fs.readFileSync(file, 'utf8')).toContain('"i":0,');

    fs.rmSync(`${file}.1`, { recursive: true });
    logger.info('sale.line', { i: 40 });
    logger.flush();
    expect(fs.readFileSync(`${file}.1`, 'utf8')).toContain('"i":39');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"at":"2026-11-28T09:00:00.000Z","level":"info","event":"sale.line","i":40}\n');
  });
});
