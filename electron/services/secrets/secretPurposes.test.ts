import { describe, expect, it } from 'vitest';
import { inKeychainSession } from '../../../test/keychainSession';
import { createMemoryLogger } from '../logger';
import { loadKeytar } from './keytarBackend';
import { createSecretStore, isKnownPurpose, type KeychainBackend } from './secretStore';

const smtp = 'settings:email.smtpPassword';
const workstation = '0193a0c4-5b6e-7d2f-8a31-4c5d6e7f8091';

async function realKeychain(): Promise<KeychainBackend> {
  const backend = await loadKeytar(createMemoryLogger());
  if (!backend) throw new Error('keytar did not load: is libsecret installed?');
  return backend;
}
const serviceName = () => `Backoffice-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
const events = (logger: { lines: string[] }) => logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('which secrets the keychain keeps', () => {
  it('the secure settings fields, a device token per workstation and a token per webhook connection', () => {
    expect(isKnownPurpose(smtp)).toBe(true);
    expect(isKnownPurpose(`cloud:deviceToken:${workstation}`)).toBe(true);
    expect(isKnownPurpose(`webhook:${workstation}:token`)).toBe(true);
  });

  it('nothing else: ordinary fields, and names with anything before, after or instead of the id', () => {
    for (const purpose of [
      'settings:company.general.companyName',
      `xcloud:deviceToken:${workstation}`,
      `cloud:deviceToken:${workstation}x`,
      `cloud:deviceToken:${workstation.slice(1)}`,
      `webhook:${workstation}:token2`,
      `my-webhook:${workstation}:token`,
      `webhook:${workstation.toUpperCase()}:token`,
    ]) {
      expect(isKnownPurpose(purpose), purpose).toBe(false);
    }
  });
});

describe.runIf(inKeychainSession)('a secret in the real keychain', () => {
  it('is kept under the service name Backoffice, where every earlier version of the app left it', async () => {
    const keychain = await realKeychain();
    const purpose = `cloud:deviceToken:${workstation}`;
    const secrets = createSecretStore({ backend: keychain, logger: createMemoryLogger() });
    const before = Date.now();
    const set = await secrets.set(purpose, 'apparaat-token-0123456789');
    expect(await keychain.getPassword('Backoffice', purpose)).toBe('apparaat-token-0123456789');
    // Without a clock handed in, the time it was set is now.
    const setAt = set.ok ? Date.parse(set.value.setAt ?? '') : NaN;
    expect(setAt).toBeGreaterThanOrEqual(before - 1);
    expect(setAt).toBeLessThanOrEqual(Date.now() + 1);
    await secrets.clear(purpose);
    expect(await keychain.getPassword('Backoffice', purpose)).toBeNull();
  });

  it('leaves nothing of itself in the keychain once cleared, not even when it was set', async () => {
    const keychain = await realKeychain();
    const service = serviceName();
    const secrets = createSecretStore({ backend: keychain, logger: createMemoryLogger(), service, now: () => new Date('2026-11-28T10:15:00Z') });
    await secrets.set(smtp, 'Zeer-Geheim-4711');
    expect(await keychain.getPassword(service, `${smtp}#setAt`)).toBe('2026-11-28T10:15:00.000Z');
    await secrets.clear(smtp);
    expect(await keychain.getPassword(service, smtp)).toBeNull();
    expect(await keychain.getPassword(service, `${smtp}#setAt`)).toBeNull();
  });

  it('shows as not set, with no date, once someone deleted it in the keychain tool', async () => {
    const keychain = await realKeychain();
    const service = serviceName();
    const secrets = createSecretStore({ backend: keychain, logger: createMemoryLogger(), service, now: () => new Date('2026-11-28T10:15:00Z') });
    await secrets.set(smtp, 'Zeer-Geheim-4711');
    await keychain.deletePassword(service, smtp);
    expect(await secrets.status(smtp)).toEqual({ ok: true, value: { set: false, setAt: null } });
    await secrets.clear(smtp);
  });

  it('takes up to 4096 characters and refuses a longer or empty one, naming it in the user language', async () => {
    const service = serviceName();
    const secrets = createSecretStore({ backend: await realKeychain(), logger: createMemoryLogger(), service });
    expect(await secrets.set(smtp, 'g'.repeat(4096))).toMatchObject({ ok: true, value: { set: true } });
    expect(await secrets.set(smtp, 'g'.repeat(4097), 'en')).toEqual({ ok: false, error: { code: 'invalid', message: 'The secret is required.' } });
    expect(await secrets.set(smtp, '')).toEqual({ ok: false, error: { code: 'invalid', message: 'Het geheim is verplicht.' } });
    expect(await secrets.reveal(smtp)).toEqual({ ok: true, value: 'g'.repeat(4096) });
    await secrets.clear(smtp);
  });

  it('logs that a secret was set or cleared, by purpose only', async () => {
    const logger = createMemoryLogger();
    const secrets = createSecretStore({ backend: await realKeychain(), logger, service: serviceName() });
    await secrets.set(smtp, 'Zeer-Geheim-4711');
    await secrets.clear(smtp);
    expect(events(logger)).toEqual([expect.objectContaining({ event: 'secrets.set', purpose: smtp }), expect.objectContaining({ event: 'secrets.cleared', purpose: smtp })]);
    expect(logger.lines.join('')).not.toContain('Zeer-Geheim');
  });
});

describe('a secret asked for that cannot be given', () => {
  const working: KeychainBackend = { getPassword: async () => 'x', setPassword: async () => undefined, deletePassword: async () => true };

  it('refuses an unknown purpose by name, in the user language, before asking the keychain', async () => {
    const secrets = createSecretStore({ backend: working, logger: createMemoryLogger() });
    expect(await secrets.reveal('settings:company.general.companyName')).toMatchObject({ ok: false, error: { code: 'unknown_secret', message: expect.stringContaining('settings:company.general.companyName') } });
    expect(secrets.binding()).toBe('present');
  });

  it('says in the log why the keychain failed or is missing, without the secret', async () => {
    const missingLog = createMemoryLogger();
    await createSecretStore({ backend: null, logger: missingLog }).reveal(smtp);
    expect(events(missingLog)).toEqual([expect.objectContaining({ level: 'warn', event: 'secrets.keychainMissing', purpose: smtp })]);
    const failingLog = createMemoryLogger();
    const failing: KeychainBackend = { ...working, setPassword: () => Promise.reject(new Error('the keyring is locked')) };
    expect(await createSecretStore({ backend: failing, logger: failingLog }).set(smtp, 'Zeer-Geheim-4711')).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(events(failingLog)).toEqual([expect.objectContaining({ level: 'warn', event: 'secrets.keychainFailed', purpose: smtp, error: 'the keyring is locked' })]);
    expect(failingLog.lines.join('')).not.toContain('Zeer-Geheim');
  });
});
