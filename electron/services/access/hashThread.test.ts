import { describe, expect, it } from 'vitest';
import { cheapTestHashing } from '../../../test/services';
import { createSecretHasher } from './secretHash';

/** How many message ports keep this process alive now: the hashing thread's is one while it is held. */
const heldPorts = () => process.getActiveResourcesInfo().filter((name) => name === 'MessagePort').length;

// A host that has nothing left to do must exit (the web host's tests, a command-line export); the
// hashing thread holds the process only while a hash is under way (see hashThread.ts).
describe('the hashing thread keeps the process alive only while it hashes', () => {
  it('holds it during every hash, also a later one, and lets go when the last is done', async () => {
    const idle = heldPorts();
    const cheap = createSecretHasher(cheapTestHashing);
    const first = cheap.hash('eerste zin als wachtwoord');
    expect(heldPorts()).toBe(idle + 1);
    await first;
    expect(heldPorts()).toBe(idle);

    const later = cheap.hash('tweede zin als wachtwoord');
    expect(heldPorts()).toBe(idle + 1);
    await later;
    expect(heldPorts()).toBe(idle);
  });

  it('still holds it when one hash is done and another is queued behind it', async () => {
    const idle = heldPorts();
    const quick = createSecretHasher(cheapTestHashing).hash('snelle zin als wachtwoord');
    // Four times the work of the quick one, so it is still running when the quick one answers.
    const slow = createSecretHasher({ ...cheapTestHashing, N: cheapTestHashing.N * 4 }).hash('trage zin als wachtwoord');
    await quick;
    expect(heldPorts()).toBe(idle + 1);
    await slow;
    expect(heldPorts()).toBe(idle);
  });
});
