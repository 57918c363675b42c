/**
 * Child process for the crash-safety test: saves settings in a loop through the real service and
 * prints `ack N` only after save N returned, i.e. after its transaction committed. The parent
 * kills it with SIGKILL mid-loop and checks that every acknowledged save survived.
 */
import { settingsOn } from './services';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crashWriter <dir>');
const { settings } = settingsOn(dir, { now: () => new Date() });
const actor = { by: 'crash-test', lang: 'nl' as const };

for (let n = 1; ; n++) {
  const result = settings.writeGroup('company.billing', { nextInvoiceNumber: n, invoiceFooter: `Bon ${n}` }, actor);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  process.stdout.write(`ack ${n}\n`);
}
