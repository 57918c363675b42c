import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, createMemoryLogger } from '../logger';
import { loadKeytar } from './keytarBackend';
import { createSecretStore, type KeychainBackend } from './secretStore';
import { settingsOn } from '../../../test/services';
import { inKeychainSession } from '../../../test/keychainSession';
import { useTempDir } from '../../../test/tempDir';

const tempDir = useTempDir();
const smtp = 'settings:email.smtpPassword';
const apiKey = 'settings:orders.shipping.providerApiKey';

/** The real keychain through keytar; each test uses its own service name so runs never collide. */
async function realKeychain(): Promise<KeychainBackend> {
  const backend = await loadKeytar(createMemoryLogger());
  if (!backend) throw new Error('keytar did not load: is libsecret installed?');
  return backend;
}
const serviceName = () => `Backoffice-test-${process.pid}-${Math.random().toString(36).slice(2)}`;

describe.runIf(inKeychainSession)('secrets in the OS keychain (real Secret Service)', () => {
  it('sets, reads, reports and clears a secret', async () => {
    const now = () => new Date('2026-11-28T10:15:00Z');
    const secrets = createSecretStore({ backend: await realKeychain(), logger: createMemoryLogger(), service: serviceName(), now });
    expect(await secrets.status(apiKey)).toEqual({ ok: true, value: { set: false, setAt: null } });
    expect(await secrets.set(apiKey, 'mp-live-0123456789abcdef')).toEqual({ ok: true, value: { set: true, setAt: '2026-11-28T10:15:00.000Z' } });
    expect(await secrets.status(apiKey)).toEqual({ ok: true, value: { set: true, setAt: '2026-11-28T10:15:00.000Z' } });
    expect(await secrets.reveal(apiKey)).toEqual({ ok: true, value: 'mp-live-0123456789abcdef' });
    expect(await secrets.clear(apiKey)).toEqual({ ok: true, value: { set: false, setAt: null } });
    expect(await secrets.reveal(apiKey)).toEqual({ ok: true, value: null });
  });

  it('tells the window that a secret is set and when, never any of its characters (issue 11, item 6)', async () => {
    const secrets = createSecretStore({ backend: await realKeychain(), logger: createMemoryLogger(), service: serviceName(), now: () => new Date('2026-11-28T10:15:00Z') });
    const value = 'mp-live-0123456789abcdef';
    await secrets.set(apiKey, value);
    const shown = JSON.stringify(await secrets.status(apiKey));
    for (let start = 0; start + 3 <= value.length; start++) expect(shown).not.toContain(value.slice(start, start + 3));
    await secrets.clear(apiKey);
  });

  it('refuses unknown purposes and empty values without touching the keychain', async () => {
    const secrets = createSecretStore({ backend: await realKeychain(), logger: createMemoryLogger(), service: serviceName() });
    expect(await secrets.set('settings:company.general.companyName', 'x')).toMatchObject({ ok: false, error: { code: 'unknown_secret' } });
    expect(await secrets.set(smtp, '')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await secrets.status(smtp)).toEqual({ ok: true, value: { set: false, setAt: null } });
  });

  it('never lets a secret value reach the SQLite files or the log', async () => {
    const dir = tempDir();
    const logFile = path.join(dir, 'logs', 'backoffice.log');
    const logger = createFileLogger(logFile);
    const secrets = createSecretStore({ backend: await realKeychain(), logger, service: serviceName() });
    const { settings, store } = settingsOn(dir);
    const value = 'Zeer-Geheim-SMTP-Wachtwoord-4711';

    expect((await secrets.set(smtp, value)).ok).toBe(true);
    const refused = settings.writeGroup('email', { smtpPassword: value, smtpHost: 'smtp.winkel.nl' }, { by: 'anna', lang: 'nl' });
    expect(refused).toMatchObject({ ok: false, error: { fields: [{ field: 'smtpPassword', reason: 'secret_field' }] } });
    expect(settings.writeGroup('email', { smtpHost: 'smtp.winkel.nl' }, { by: 'anna', lang: 'nl' }).ok).toBe(true);
    await secrets.reveal(smtp);
    logger.flush();

    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => path.join(dir, name));
    const scanned = files.filter((file) => fs.statSync(file).isFile());
    expect(scanned.some((file) => file.endsWith('.sqlite'))).toBe(true);
    expect(scanned).toContain(logFile);
    for (const file of scanned) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(Buffer.from(value)), file).toBe(false);
      expect(bytes.includes(Buffer.from(value, 'utf16le')), file).toBe(false);
    }
    expect(scanned.some((file) => file.endsWith('.sqlite-wal'))).toBe(true);
    expect(fs.readFileSync(logFile, 'utf8')).toContain('"purpose":"settings:email.smtpPassword"');
    store.close();
    await secrets.clear(smtp);
  });
});

describe('secrets without a keychain', () => {
  it('without a keychain binding, refuses and says in one sentence how to get it, writing nothing anywhere', async () => {
    const logger = createMemoryLogger();
    const secrets = createSecretStore({ backend: null, logger });
    expect(secrets.binding()).toBe('missing');
    const result = await secrets.set(smtp, 'Geheim-12345678');
    expect(result).toEqual({ ok: false, error: { code: 'keychain_missing', message: expect.stringContaining('sudo apt-get install libsecret-1-dev') } });
    expect(await secrets.status(smtp, 'en')).toEqual({ ok: false, error: { code: 'keychain_missing', message: expect.stringContaining('need the system keychain') } });
    expect(logger.lines.join('')).not.toContain('Geheim-12345678');
  });

  it('treats a keychain that fails mid-call as unavailable', async () => {
    const broken: KeychainBackend = {
      getPassword: () => Promise.reject(new Error('org.freedesktop.secrets was not provided by any .service files')),
      setPassword: () => Promise.reject(new Error('org.freedesktop.secrets was not provided by any .service files')),
      deletePassword: () => Promise.reject(new Error('no secret service')),
    };
    const secrets = createSecretStore({ backend: broken, logger: createMemoryLogger() });
    expect(await secrets.status(smtp, 'en')).toEqual({ ok: false, error: { code: 'keychain_unavailable', message: expect.stringContaining('keychain cannot be reached') } });
  });
});
