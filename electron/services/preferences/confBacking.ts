import Conf from 'conf';
import type { KeyValueStore } from './preferences';

/** Preferences in `<dir>/preferences.json` through conf, for the web host and tests. */
export function confBacking(dir: string): KeyValueStore {
  // clearInvalidConfig: a file damaged by hand must not stop the app from starting.
  return new Conf<Record<string, unknown>>({ projectName: 'backoffice', cwd: dir, configName: 'preferences', clearInvalidConfig: true });
}
