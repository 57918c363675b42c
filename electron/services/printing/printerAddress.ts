import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a test receipt may be sent. Without limits the "Proefbon" button is a port scanner run
 * from the shop's own network: any host, any port, and the error text tells open from closed.
 * A receipt printer listens on the raw printing ports (9100, and 9101-9109 for the extra ports
 * of a print server) and stands in the shop: this computer, the local network or link-local.
 */
export const printerPorts = { min: 9100, max: 9109 };

const shopNetwork = new BlockList();
for (const [network, prefix] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['169.254.0.0', 16]] as const) {
  shopNetwork.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) shopNetwork.addSubnet(network, prefix, 'ipv6');

export type PrinterAddressProblem = 'printer.port' | 'printer.notLocal' | 'printer.unknownHost';

export function isShopAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && shopNetwork.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The address to connect to, resolved once so the check and the connection see the same one, or why not. */
export async function checkPrinterAddress(host: string, port: number): Promise<{ ok: true; address: string } | { ok: false; problem: PrinterAddressProblem }> {
  if (!Number.isInteger(port) || port < printerPorts.min || port > printerPorts.max) return { ok: false, problem: 'printer.port' };
  let address: string;
  try {
    address = isIP(host) ? host : (await lookup(host)).address;
  } catch {
    return { ok: false, problem: 'printer.unknownHost' };
  }
  return isShopAddress(address) ? { ok: true, address } : { ok: false, problem: 'printer.notLocal' };
}
