/**
 * The Electron host: lifecycle, the window, the app:// protocol and IPC. Everything else lives in
 * services/ and api/, shared with the web host and tested under plain Node.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { app, dialog, session } from 'electron';
import Store from 'electron-store';
import type * as ElectronUpdater from 'electron-updater';
import { createBackoffice } from '../services/backoffice';
import { createFileLogger } from '../services/logger';
import { createPreferences, type KeyValueStore } from '../services/preferences/preferences';
import { loadKeytar } from '../services/secrets/keytarBackend';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { bindIpc, type IpcBinding } from './ipc';
import { createMainWindow } from './mainWindow';
import { appOrigin } from './trust';
import { bindPrinting, isPrinting } from './printing';
import { createUpdater } from './updater';

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

const here = import.meta.dirname;
const resources = app.isPackaged ? process.resourcesPath : path.resolve(here, '../..');

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const logger = createFileLogger(path.join(dataDir, 'logs', 'backoffice.log'));
  // 0600 like the rest of the data folder (and as the web host's conf file): for this user only.
  const preferencesStore: KeyValueStore = new Store({ name: 'preferences', clearInvalidConfig: true, configFileMode: 0o600 });
  let backoffice;
  try {
    backoffice = createBackoffice({
      dataDir,
      keychain: await loadKeytar(logger),
      preferences: preferencesStore,
      versions: { app: app.getVersion(), electron: process.versions.electron ?? null, chromium: process.versions.chrome ?? null, node: process.versions.node },
      host: 'electron',
      migrationsFolder: app.isPackaged ? path.join(resources, 'migrations') : path.join(resources, 'db', 'migrations'),
      resourcesDir: path.join(resources, 'resources'),
      logger,
    });
  } catch (error) {
    dialog.showErrorBox('Backoffice kan niet starten', (error as Error).message);
    // Electron does not say whether Node's exit event still runs after app.exit: held log lines go to the file first.
    logger.flush();
    app.exit(1);
    return;
  }

  // No page of ours needs the camera, notifications or anything else a site can ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The renderer is inside the app archive (app.asar) when packaged; getAppPath points there. The
  // page is asked for only once the window's binding is made, so it is served with the first
  // answers and its first calls find the handler.
  let ipc: IpcBinding | null = null;
  serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'), () => ipc?.firstAnswers() ?? null, logger);

  const window = createMainWindow(path.join(here, 'preload.cjs'), createPreferences(preferencesStore));
  const binding = bindIpc(window, backoffice);
  ipc = binding;
  void window.loadURL(`${appOrigin}/index.html`);
  const unbindPrinting = bindPrinting(window);
  backoffice.start();
  const services = backoffice.services;
  const updater = createUpdater({
    policy: services.policy,
    packaged: app.isPackaged,
    // An AppImage replaces itself; a .deb is updated by the package manager.
    selfUpdating: process.platform !== 'linux' || Boolean(process.env.APPIMAGE),
    busy: () => {
      const sync = services.sync.read();
      return { printing: isPrinting(), syncing: 'progress' in sync && sync.progress !== null };
    },
    // electron-updater is CommonJS and reads Electron's app at load: required only when a check is due.
    loadUpdater: async () => (createRequire(import.meta.url)('electron-updater') as typeof ElectronUpdater).autoUpdater,
    logger,
  });
  updater.start();
  app.on('before-quit', () => updater.beforeQuit());
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  window.on('closed', () => {
    binding.unbind();
    unbindPrinting();
    updater.stop();
    void backoffice.close().then(() => app.quit());
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
void app.whenReady().then(start);
