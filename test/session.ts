/**
 * Runs a test runner inside the sessions it needs: `tsx test/session.ts keychain [display] --
 * COMMAND...`. On Linux that is a private D-Bus session with an unlocked gnome-keyring and, for
 * the browser, an Xvfb display (test/with-keychain.sh, test/with-display.sh). Where the
 * preflight found those cannot exist (macOS, Windows, Linux without apt), the keychain tests
 * skip themselves and the browser runner says plainly that it did not run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const separator = process.argv.indexOf('--');
const wants = new Set(process.argv.slice(2, separator));
const command = process.argv.slice(separator + 1);

const runsFile = path.join(root, 'test-results/preflight.json');
const runs = fs.existsSync(runsFile) ? (JSON.parse(fs.readFileSync(runsFile, 'utf8')) as { keychain: boolean; browser: boolean }) : { keychain: process.platform === 'linux', browser: process.platform === 'linux' };

if (wants.has('display') && !runs.browser) {
  console.log(`${command.join(' ')}: skipped on this machine (needs Debian's Chromium and Xvfb; see the README's Test section).`);
  process.exit(0);
}
const wrappers = [...(wants.has('keychain') && runs.keychain ? ['test/with-keychain.sh'] : []), ...(wants.has('display') ? ['test/with-display.sh'] : [])];
const [program = '', ...args] = [...wrappers, ...command];
const result = spawnSync(program, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
