/**
 * `npm start`: launches the desktop app. Where Electron cannot run (its binary cannot be
 * downloaded, or there is no display) it says so plainly and points to the web host instead of
 * failing with a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const instead = 'Use `npm run serve` to open the same Backoffice in a browser on this computer.';

function fail(reason: string): never {
  console.error(`Backoffice cannot start its desktop window: ${reason}\n${instead}`);
  process.exit(1);
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) fail('there is no display (DISPLAY is not set).');

// The electron package downloads its binary on first use. Do that here, quietly, so an offline
// machine gets one plain sentence instead of the downloader's stack trace.
const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');
const installed = fs.existsSync(pathFile) && fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')));
if (!installed) {
  console.log('Downloading the Electron program (once)…');
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
  if (download.status !== 0) fail('the Electron program is not installed and could not be downloaded (no connection to its download server).');
}
const electronBinary = require('electron') as string;

const child = spawn(electronBinary, [root], { stdio: 'inherit' });
child.on('error', (error) => fail(error.message));
child.on('exit', (code) => process.exit(code ?? 0));
