import fs from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFaultProxy, type FaultProxy } from './faultProxy';
import { useFileCloud, type FileCloud } from './sharedCloud';
import { openDesktop, tempFolder, type Desktop } from './syncWorld';

export interface ProxiedCloud {
  /** The file's cloud (one per test file, a shop of its own per test). */
  files: FileCloud;
  /** The fault proxy in front of it; its plan is cleared after every test. */
  proxy: Pick<FaultProxy, 'url' | 'setPlan'>;
  /** A workstation on a data folder of its own, unpaired, closed and removed after the test. */
  desktop(name: string, options?: Parameters<typeof openDesktop>[1]): Promise<Desktop>;
}

/**
 * The set-up of the suites that put faults between a workstation and the real cloud: one cloud on
 * PGlite for the file behind one fault proxy, and desktops that are cleaned up after each test
 * (unpaired so their device token leaves the keychain, closed, their folder removed) in the
 * reverse order they were opened.
 */
export function useProxiedCloud(): ProxiedCloud {
  const files = useFileCloud();
  let running: FaultProxy | undefined;
  const cleanup: (() => Promise<void>)[] = [];
  const started = () => {
    if (!running) throw new Error('The fault proxy starts in beforeAll; use it inside a test.');
    return running;
  };

  beforeAll(async () => {
    running = await startFaultProxy(files.url);
  });
  afterAll(async () => running?.close());
  afterEach(async () => {
    running?.setPlan(null);
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  return {
    files,
    proxy: {
      get url() {
        return started().url;
      },
      setPlan: (plan) => started().setPlan(plan),
    },
    async desktop(name, options = {}) {
      const dir = tempFolder(`backoffice-${name}-`);
      const opened = await openDesktop(dir, options);
      cleanup.push(async () => {
        await opened.sync.pairing.unpair('nl');
        await opened.office.close();
        fs.rmSync(dir, { recursive: true, force: true });
      });
      return opened;
    },
  };
}
