import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Starts a stand-in HTTP peer on a free loopback port: its base URL, and a stop that also ends
 * kept-alive connections (a client's idle socket would otherwise hold the close open).
 */
export async function listenOnLoopback(server: http.Server): Promise<{ url: string; stop: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
