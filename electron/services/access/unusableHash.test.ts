import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { verifySecret } from './secretHash';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };
const b64 = (bytes: number) => randomBytes(bytes).toString('base64');
// N=2^17 with r=1: OpenSSL refuses it (it needs N < 2^(16·r)), so no password can ever match it.
const uncomputable = `scrypt$131072$1$5$${b64(16)}$${b64(32)}`;

describe('a stored hash scrypt cannot compute (review finding 3)', () => {
  it('never matches, and says why in the log without the secret or the hash', async () => {
    const logger = createMemoryLogger();
    expect(await verifySecret('fietsbel oranje', uncomputable, logger)).toBe(false);
    expect(logger.lines).toHaveLength(1);
    expect(JSON.parse(logger.lines[0] ?? '{}')).toMatchObject({ level: 'warn', event: 'access.hashUnusable', reason: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS' });
    expect(logger.lines[0]).not.toContain('fietsbel');
    expect(logger.lines[0]).not.toContain(uncomputable.split('$')[5]);
  });

  it('makes a sign-in answer "wrong password" and count the attempt, instead of an internal error', async () => {
    const logger = createMemoryLogger();
    const app = quickBackofficeOn(tempDir(), { logger });
    const setup = await app.services.access.setup(owner, 'nl');
    if (!setup.ok) throw new Error('setup failed');
    app.store.sqlite.prepare("UPDATE credentials SET hash = ? WHERE user_id = ? AND kind = 'password'").run(uncomputable, setup.value.userId);

    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: false, error: { code: 'wrong_credentials', message: expect.stringContaining('Na 4 mislukte pogingen') } });
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: false, error: { code: 'wrong_credentials', message: expect.stringContaining('Na 3 mislukte pogingen') } });
    expect(logger.lines.filter((line) => line.includes('access.hashUnusable'))).toHaveLength(2);
    expect(logger.lines.join('')).not.toContain(owner.password);
    await app.close();
  });
});
