import { BrowserWindow, screen, shell } from 'electron';
import type { PreferencesService } from '../services/preferences/preferences';
import { isAppUrl, isSafeExternalUrl } from './trust';

/**
 * The one window, hardened: isolated, sandboxed, no Node in the page. It may not navigate away
 * from the app or open windows; plain http(s) links open in the user's browser instead. The
 * caller loads the page, once the window's IPC binding is made.
 */
export function createMainWindow(preloadPath: string, preferences: PreferencesService): BrowserWindow {
  const saved = preferences.get('windowBounds');
  const visible = saved && screen.getAllDisplays().some(({ workArea: a }) => saved.x < a.x + a.width && saved.y < a.y + a.height && saved.x + saved.width > a.x && saved.y + saved.height > a.y);
  const window = new BrowserWindow({
    ...(visible && saved ? saved : { width: 1280, height: 860 }),
    minWidth: 960,
    minHeight: 600,
    title: 'Backoffice',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });

  window.once('ready-to-show', () => window.show());
  window.on('close', () => preferences.set('windowBounds', window.getNormalBounds()));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  return window;
}
