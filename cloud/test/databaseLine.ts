import net from 'node:net';

/**
 * The network between a cloud and its PostgreSQL, as a TCP relay on 127.0.0.1 that a test can cut
 * and mend: cutting drops every open connection and refuses new ones, as an outage of the database
 * server or its network does, without stopping the cluster other test files share.
 */
export interface DatabaseLine {
  /** The database URL to give the cloud: the same database, reached through the relay. */
  readonly url: string;
  cut(): Promise<void>;
  mend(): Promise<void>;
  close(): Promise<void>;
}

export async function databaseLine(databaseUrl: string): Promise<DatabaseLine> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const relay = () =>
    net.createServer((client) => {
      const server = net.connect(Number(target.port || 5432), target.hostname);
      for (const [from, to] of [[client, server], [server, client]] as const) {
        sockets.add(from);
        from.on('close', () => sockets.delete(from));
        from.on('error', () => to.destroy());
        from.pipe(to);
      }
    });
  const listen = (server: net.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  let server: net.Server | null = relay();
  const port = await listen(server, 0);
  const cut = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.href,
    cut,
    async mend() {
      if (server) return;
      server = relay();
      await listen(server, port);
    },
    close: cut,
  };
}
