/**
 * A desktop as its own process for the SIGKILL test: opens the data folder, saves one change,
 * says so on stdout (the change is acknowledged to the user from here on), then syncs.
 * Usage: tsx test/desktopChild.ts DATA_DIR COMPANY_NAME
 */
import { openDesktop } from './syncWorld';

const [dir, companyName] = process.argv.slice(2);
if (!dir || !companyName) throw new Error('usage: desktopChild.ts DATA_DIR COMPANY_NAME');
const desktop = await openDesktop(dir);
const saved = desktop.settings.writeGroup('company.general', { companyName }, { by: 'Kassa', userId: 'user-kassa', lang: 'nl' });
if (!saved.ok) throw new Error(saved.error.message);
console.log('saved');
await desktop.sync.syncNow();
console.log('synced');
