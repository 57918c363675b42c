/**
 * `npm run serve -- [--port N] [--data-dir DIR] [--policy FILE]`: Backoffice in a browser on this computer, for
 * machines without a display or without an Electron binary. Prints exactly one line when ready:
 * `Backoffice: http://127.0.0.1:PORT/?token=TOKEN`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startupFailureText } from '../../db/errors';
import { createBackoffice } from '../services/backoffice';
import { defaultDataDir } from '../services/dataDir';
import { createFileLogger } from '../services/logger';
import { confBacking } from '../services/preferences/confBacking';
import { policyFilePath } from '../services/policy/policySources';
import { loadKeytar } from '../services/secrets/keytarBackend';
import { startWebHost } from './server';
import { DataFolderInUseError } from '../services/dataFolderLock';

/**
 * A data folder another host owns, a database damaged beyond repair or from a newer app: say so
 * in words (which process, which file) and stop, changing nothing; never a stack trace.
 */
function openBackoffice(options: Parameters<typeof createBackoffice>[0]): ReturnType<typeof createBackoffice> {
  try {
    return createBackoffice(options);
  } catch (error) {
    const text = error instanceof DataFolderInUseError ? error.message : startupFailureText(error);
    if (!text) throw error;
    options.logger?.error('host.cannotStart', { error: (error as Error).message });
    console.error(text);
    process.exit(3);
  }
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, policy: { type: 'string' } } });
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
const rendererDir = path.join(projectRoot, 'dist', 'renderer');

const logger = createFileLogger(path.join(dataDir, 'logs', 'backoffice.log'));
const backoffice = openBackoffice({
  dataDir,
  keychain: await loadKeytar(logger),
  keychainService: process.env.BACKOFFICE_KEYCHAIN_SERVICE || undefined,
  preferences: confBacking(dataDir),
  versions: { app: JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version, electron: null, chromium: null, node: process.versions.node },
  host: 'web',
  migrationsFolder: path.join(projectRoot, 'db', 'migrations'),
  resourcesDir: path.join(projectRoot, 'resources'),
  logger,
  // An IT policy file to use instead of the machine-wide one (see README › Installing for IT).
  policyFile: policyFilePath(values.policy),
  // For tests (a stand-in provider on 127.0.0.1) and shops behind a self-hosted proxy; unset, the providers' public APIs.
  carriers: {
    myParcelUrl: process.env.BACKOFFICE_MYPARCEL_URL || undefined,
    veloydUrl: process.env.BACKOFFICE_VELOYD_URL || undefined,
    veloydTestUrl: process.env.BACKOFFICE_VELOYD_TEST_URL || undefined,
  },
});
// Checked after the database, so a damaged database is reported whether or not the renderer is built.
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built yet: run `npm run build:renderer` (npm run serve does this for you).');
  process.exit(1);
}
const host = await startWebHost({ backoffice, rendererDir, port });
// The sync loop runs in the host that owns the data folder, which this one now is.
backoffice.start();
console.log(`Backoffice: ${host.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await backoffice.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
