import Conf from 'conf';
import type { KeyValueStore } from './preferences';

/** Preferences in `<dir>/preferences.json` through conf, for the web host and tests. */
export function confBacking(dir: string): KeyValueStore {
  // clearInvalidConfig: a file damaged by hand must not stop the app from starting.
  // configFileMode 0600: the preferences are for this user only, like the rest of the data folder.
  return new Conf<Record<string, unknown>>({ projectName: 'backoffice', cwd: dir, configName: 'preferences', clearInvalidConfig: true, configFileMode: 0o600 });
}
