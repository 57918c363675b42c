/**
 * Child process for the mail queue crash test, on a shop the parent configured.
 * `queue`: commits an order-confirmation mail in a transaction, prints `queued <Message-ID>`, and
 *   waits without starting the queue worker: the parent SIGKILLs it between queueing and sending.
 * `send`: starts the backend as a host does (worker on), prints `sent <Message-ID>` once the queue
 *   has delivered every mail, and stops.
 */
import fs from 'node:fs';
import { createMemoryLogger } from '../electron/services/logger';
import { loadKeytar } from '../electron/services/secrets/keytarBackend';
import { backofficeOn } from './services';

const [dir, mode, caFile] = process.argv.slice(2);
if (!dir || !caFile || (mode !== 'queue' && mode !== 'send')) throw new Error('usage: mailQueueChild <dir> queue|send <ca.pem>');
const app = backofficeOn(dir, { keychain: await loadKeytar(createMemoryLogger()), trustedCertificates: [fs.readFileSync(caFile, 'utf8')] });
const { mail } = app.services;

if (mode === 'queue') {
  const queued = app.store.orm.transaction((tx) =>
    mail.queueTemplate(tx, {
      kind: 'orderConfirmation',
      to: 'zoe@example.nl',
      values: { 'shop.name': 'De Spaak', 'shop.email': 'info@despaak.nl', 'shop.phone': '030 123 4567', 'shop.address': 'Oudegracht 12', 'customer.name': 'Zoë', 'customer.email': 'zoe@example.nl', 'order.number': 'S4-1', 'order.date': '28 november 2026', 'order.total': '€ 10,00', 'order.url': 'https://despaak.nl/S4-1' },
      lang: 'nl',
      by: 'webshop',
    }),
  );
  if (!queued.ok || !queued.value) throw new Error(JSON.stringify(queued));
  process.stdout.write(`queued ${queued.value.messageId}\n`);
  setInterval(() => undefined, 60_000);
} else {
  app.start();
  const timer = setInterval(() => {
    const rows = mail.list('nl');
    if (rows.length > 0 && rows.every((row) => row.state === 'sent')) {
      clearInterval(timer);
      process.stdout.write(`sent ${rows.map((row) => row.messageId).join(' ')}\n`);
      void app.close().then(() => process.exit(0));
    }
  }, 50);
}
