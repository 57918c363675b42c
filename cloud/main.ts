import path from 'node:path';
import { parseArgs } from 'node:util';
import { findShop, listDevices, newPairingCode, newShop, revokeDevice } from './accounts';
import { openCloudDatabase, type DatabaseChoice } from './db/connect';
import { startCloud } from './start';

const usage = `Usage:
  npm run cloud -- [--port N] [--host H] [--data-dir DIR | --database-url postgres://...]
                   [--public-url URL] [--allow-private-webhook-targets]
  npm run cloud -- new-shop "Shop name"   [--data-dir DIR | --database-url URL]
  npm run cloud -- pairing-code SHOP      [--data-dir DIR | --database-url URL]
  npm run cloud -- devices SHOP           [--data-dir DIR | --database-url URL]
  npm run cloud -- revoke-device SHOP DEVICE [--data-dir DIR | --database-url URL]
SHOP is the shop's id or its exact name. Without --database-url the cloud keeps its data in
PGlite in --data-dir (default ./cloud-data), with nothing to install.
--public-url is the address webshops call back on (default: the one a workstation used).
--allow-private-webhook-targets lets a shop whose IT allows it by policy connect webshops on
private, loopback or link-local addresses (a cloud inside the shop's own network, or tests).`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main() {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        allowPositionals: true,
        options: {
          port: { type: 'string', default: '8787' },
          host: { type: 'string', default: '127.0.0.1' },
          'data-dir': { type: 'string' },
          'database-url': { type: 'string' },
          'public-url': { type: 'string' },
          'allow-private-webhook-targets': { type: 'boolean', default: false },
          help: { type: 'boolean' },
        },
      });
    } catch (error) {
      return fail(`${(error as Error).message}\n\n${usage}`);
    }
  })();
  if (values.help) return console.log(usage);
  if (values['data-dir'] && values['database-url']) fail('Give either --data-dir or --database-url, not both.');
  const databaseUrl = values['database-url'];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) fail('--database-url must start with postgres:// or postgresql://');
  const choice: DatabaseChoice = databaseUrl ? { databaseUrl } : { dataDir: path.resolve(values['data-dir'] ?? 'cloud-data') };
  const [command, ...args] = positionals;

  if (command === undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not "${values.port}".`);
    const publicUrl = values['public-url'] ?? null;
    if (publicUrl !== null && !/^https?:\/\/[^\s/]+/.test(publicUrl)) fail(`--public-url must be a web address, not "${publicUrl}".`);
    const webhooks = { publicUrl, allowPrivateTargets: values['allow-private-webhook-targets'] === true };
    const cloud = await startCloud({ database: choice, port, host: values.host, webhooks });
    console.log(`Cloud: ${cloud.url}`);
    const stop = () => void cloud.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }

  const database = await openCloudDatabase(choice);
  try {
    const shopArg = () => args[0] ?? fail(`${command} needs a shop.\n\n${usage}`);
    const shop = async () => (await findShop(database.db, shopArg())) ?? fail(`No shop "${shopArg()}" in ${database.label}.`);
    switch (command) {
      case 'new-shop': {
        const made = await newShop(database.db, args[0] ?? fail(`new-shop needs the shop's name.\n\n${usage}`));
        console.log(`Shop "${made.name}" created (id ${made.id}).`);
        console.log(`Pairing code: ${made.code} (once, until ${made.expiresAt.toISOString()})`);
        break;
      }
      case 'pairing-code': {
        const { id, name } = await shop();
        const { code, expiresAt } = await newPairingCode(database.db, id);
        console.log(`Pairing code for "${name}": ${code} (once, until ${expiresAt.toISOString()})`);
        break;
      }
      case 'devices': {
        const { id } = await shop();
        for (const device of await listDevices(database.db, id)) {
          console.log(`${device.deviceId}  ${device.deviceName}  paired ${device.pairedAt.toISOString()}${device.revokedAt ? `  revoked ${device.revokedAt.toISOString()}` : ''}`);
        }
        break;
      }
      case 'revoke-device': {
        const { id } = await shop();
        const deviceId = args[1] ?? fail(`revoke-device needs the device id (see "devices").\n\n${usage}`);
        if (!(await revokeDevice(database.db, id, deviceId))) fail(`Shop has no active device ${deviceId}.`);
        console.log(`Device ${deviceId} revoked; its token no longer works.`);
        break;
      }
      default:
        fail(`Unknown command "${command}".\n\n${usage}`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
