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
});
