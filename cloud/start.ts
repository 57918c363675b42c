import { openCloudDatabase, type CloudDatabase, type DatabaseChoice } from './db/connect';
import { createCloudServer, type CloudOptions } from './server';

export interface RunningCloud {
  url: string;
  database: CloudDatabase;
  close(): Promise<void>;
}

/** Opens (and migrates) the database and listens; port 0 picks a free port, as tests do. */
export async function startCloud(options: {
  database: DatabaseChoice;
  port?: number;
  host?: string;
  now?: () => Date;
  maxInFlight?: number;
  paymentProvider?: CloudOptions['paymentProvider'];
  webhooks?: CloudOptions['webhooks'];
  storekeeperPayments?: CloudOptions['storekeeperPayments'];
}): Promise<RunningCloud> {
  const database = await openCloudDatabase(options.database);
  const { now, maxInFlight, paymentProvider, webhooks, storekeeperPayments } = options;
  const app = createCloudServer({ db: database.db, pool: database.pool, now, maxInFlight, paymentProvider, webhooks, storekeeperPayments });
  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
