import os from 'node:os';
import path from 'node:path';

/**
 * The platform's usual place for application data, the same folder Electron's
 * `app.getPath('userData')` gives for the product name, so the desktop app and the web host
 * open the same store.
 */
export function defaultDataDir(productName = 'Backoffice', platform = process.platform, env = process.env): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', productName);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), productName);
}
