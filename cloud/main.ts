import path from 'node:path';
import { parseArgs } from 'node:util';
import { findShop, listDevices, newPairingCode, newShop, revokeDevice } from './accounts';
import { openCloudDatabase, type DatabaseChoice } from './db/connect';
import { newChannelKey, revokeChannelKeys } from './orders/channelKeys';
import { parseServiceArgument, setProviderLink } from './providers/paynl/providerLink';
import { setSkPaymentsAccount } from './providers/storekeeperPayments/skPaymentsAccount';
import { startCloud } from './start';
import { publicUrlProblem } from './webhooks/publicUrl';

const usage = `Usage:
  npm run cloud -- [--port N] [--host H] [--data-dir DIR | --database-url postgres://...]
                   [--public-url URL] [--allow-private-webhook-targets]
  npm run cloud -- new-shop "Shop name"   [--data-dir DIR | --database-url URL]
  npm run cloud -- pairing-code SHOP      [--data-dir DIR | --database-url URL]
  npm run cloud -- devices SHOP           [--data-dir DIR | --database-url URL]
  npm run cloud -- revoke-device SHOP DEVICE [--data-dir DIR | --database-url URL]
  SKPAYMENTS_API_KEY=… npm run cloud -- storekeeper-payments SHOP --merchant M-1234-5678
  PAYNL_API_TOKEN=… npm run cloud -- payment-provider SHOP --token-code AT-1234-5678 --service SL-1234-5678=W1 [--service …]
  npm run cloud -- channel-key SHOP PREFIX          a key for sales channel PREFIX to post orders with
  npm run cloud -- revoke-channel-keys SHOP PREFIX
SHOP is the shop's id or its exact name. Without --database-url the cloud keeps its data in
PGlite in --data-dir (default ./cloud-data), with nothing to install. --paynl-url (or
BACKOFFICE_PAYNL_URL) points the Pay.nl adapter at another API root than https://connect.pay.nl;
--skpayments-url (or BACKOFFICE_SKPAYMENTS_URL) does so for StoreKeeper Payments.
--public-url is the cloud's address as webshops reach it (https://…; http only for 127.0.0.1 or
localhost). Verbinden needs it: the webshop gets it with its credentials.
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
          'paynl-url': { type: 'string' },
          'skpayments-url': { type: 'string' },
          merchant: { type: 'string' },
          'token-code': { type: 'string' },
          service: { type: 'string', multiple: true },
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
    const publicUrlRefused = publicUrl === null ? null : publicUrlProblem(publicUrl);
    if (publicUrlRefused !== null) fail(publicUrlRefused);
    const webhooks = { publicUrl, allowPrivateTargets: values['allow-private-webhook-targets'] === true };
    const payNlUrl = values['paynl-url'] ?? process.env.BACKOFFICE_PAYNL_URL;
    if (payNlUrl !== undefined && !/^https?:\/\//.test(payNlUrl)) fail(`--paynl-url must be an http(s) address, not "${payNlUrl}".`);
    const skPaymentsUrl = values['skpayments-url'] ?? process.env.BACKOFFICE_SKPAYMENTS_URL;
    if (skPaymentsUrl !== undefined && !/^https?:\/\//.test(skPaymentsUrl)) fail(`--skpayments-url must be an http(s) address, not "${skPaymentsUrl}".`);
    const storekeeperPayments = skPaymentsUrl === undefined ? {} : { baseUrl: skPaymentsUrl };
    const cloud = await startCloud({ database: choice, port, host: values.host, paymentProvider: { payNlUrl }, webhooks, storekeeperPayments });
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
      case 'storekeeper-payments': {
        const { id, name } = await shop();
        // The key comes from the environment, not the command line, so it stays out of shell history and `ps`.
        const apiKey = process.env.SKPAYMENTS_API_KEY ?? fail('Set SKPAYMENTS_API_KEY to the API key of the StoreKeeper Payments account.');
        const merchant = values.merchant ?? fail(`storekeeper-payments needs --merchant M-….\n\n${usage}`);
        await setSkPaymentsAccount(database.db, id, merchant, apiKey).catch((error: unknown) => fail((error as Error).message));
        console.log(`"${name}" reads StoreKeeper Payments merchant ${merchant}.`);
        break;
      }
      case 'payment-provider': {
        const { id, name } = await shop();
        // The token comes from the environment, not the command line, so it stays out of shell history and `ps`.
        const apiToken = process.env.PAYNL_API_TOKEN ?? fail('Set PAYNL_API_TOKEN to the API token from Pay.nl (My Pay.nl › Merchant › Company information › Tokens).');
        const services = (values.service ?? []).map((argument) => {
          try {
            return parseServiceArgument(argument);
          } catch (error) {
            return fail((error as Error).message);
          }
        });
        await setProviderLink(database.db, id, { provider: 'paynl', tokenCode: values['token-code'] ?? fail(`payment-provider needs --token-code AT-….\n\n${usage}`), apiToken, services }).catch((error: unknown) => fail((error as Error).message));
        console.log(`"${name}" is linked to Pay.nl with ${services.map((service) => `${service.serviceId}${service.channel ? ` (channel ${service.channel})` : ''}`).join(', ')}.`);
        break;
      }
      case 'channel-key': {
        const { id, name } = await shop();
        const channel = (args[1] ?? fail(`channel-key needs the sales channel's order number prefix.\n\n${usage}`)).toUpperCase();
        const key = await newChannelKey(database.db, id, channel).catch((error: unknown) => fail((error as Error).message));
        console.log(`Sales channel key for ${channel} of "${name}" (shown once; send it as Authorization: Bearer …):`);
        console.log(key);
        break;
      }
      case 'revoke-channel-keys': {
        const { id } = await shop();
        const channel = (args[1] ?? fail(`revoke-channel-keys needs the sales channel's order number prefix.\n\n${usage}`)).toUpperCase();
        console.log(`${await revokeChannelKeys(database.db, id, channel)} key(s) of channel ${channel} revoked.`);
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
