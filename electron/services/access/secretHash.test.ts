import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashRefusal } from '../../../domain/sync/credentials';
import { cheapTestHashing } from '../../../test/services';
import { createSecretHasher, verifySecret } from './secretHash';

describe('password hashes the app writes', () => {
  it('use today\'s scrypt cost unless told otherwise, which the cloud accepts', async () => {
    const hash = await createSecretHasher().hash('een lange zin als wachtwoord');
    expect(hash).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(hashRefusal(hash)).toBeNull();
    expect(await verifySecret('een lange zin als wachtwoord', hash)).toBe(true);
    expect(await verifySecret('een andere zin als wachtwoord', hash)).toBe(false);
  });

  it('made at the cheap test cost are refused by the cloud and redone at today\'s cost at the next sign-in', async () => {
    const cheap = await createSecretHasher(cheapTestHashing).hash('een lange zin als wachtwoord');
    expect(hashRefusal(cheap)).toBe('credential.unknownCost');
    expect(createSecretHasher().needsRehash(cheap)).toBe(true);
    expect(createSecretHasher(cheapTestHashing).needsRehash(cheap)).toBe(false);
  });

  it('hash at the same time, each right, on the one hashing thread that then lets the process end', async () => {
    const hasher = createSecretHasher(cheapTestHashing);
    const secrets = ['eerste zin als wachtwoord', 'tweede zin als wachtwoord', 'derde zin als wachtwoord', 'vierde zin als wachtwoord'];
    const hashes = await Promise.all(secrets.map((secret) => hasher.hash(secret)));
    expect(await Promise.all(hashes.map((hash, i) => verifySecret(secrets[i] ?? '', hash)))).toEqual([true, true, true, true]);
    expect(await verifySecret(secrets[1] ?? '', hashes[0] ?? '')).toBe(false);

    // A host that has hashed and has nothing else to do exits; a thread holding it open would hang it here.
    const module = path.join(import.meta.dirname, 'secretHash.ts');
    const script = `import(${JSON.stringify(module)}).then((m) => m.createSecretHasher({ N: 1024, r: 8, p: 1 }).hash('x')).then((hash) => console.log(hash.split('$')[0]))`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect({ status: run.status, out: run.stdout.trim() }).toEqual({ status: 0, out: 'scrypt' });
  });
});
