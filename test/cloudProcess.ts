import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** A free port on 127.0.0.1, so a restarted cloud comes back where the proxy expects it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The cloud as its own process (`npm run cloud`'s entry), so a test can SIGKILL it mid-request
 * and start it again on the same data folder and port.
 */
/** Where the cloud keeps its data, as cloud/db/connect.ts's DatabaseChoice (not imported: e2e/ builds without cloud/). */
type CloudData = { dataDir: string } | { databaseUrl: string };

/** `extraArgs`: the cloud's own flags, e.g. `--allow-private-webhook-targets` for a stand-in webshop on 127.0.0.1. */
export function startCloudProcess(database: CloudData, port: number, extraArgs: string[] = []): Promise<{ child: ChildProcess; url: string; kill(): Promise<void> }> {
  const where = 'dataDir' in database ? ['--data-dir', database.dataDir] : ['--database-url', database.databaseUrl];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cloud/main.ts', '--port', String(port), ...where, ...extraArgs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^Cloud: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (ready?.[1]) {
        child.stdout?.off('data', onData);
        const kill = () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          });
        resolve({ child, url: ready[1], kill });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the cloud exited (${code}) before it was ready:\n${output}`)));
  });
}
