import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inKeychainSession } from '../../../test/keychainSession';
import { configureMailShop } from '../../../test/mailShop';
import { backofficeOn } from '../../../test/services';
import { makeCertificates, startSmtpServer, type Certificates, type TestSmtpServer } from '../../../test/smtpServer';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { loadKeytar } from '../secrets/keytarBackend';

const tempDir = useTempDir();
const child = fileURLToPath(new URL('../../../test/mailQueueChild.ts', import.meta.url));
let certificates: Certificates;
let smtp: TestSmtpServer;

beforeAll(() => {
  certificates = makeCertificates();
});
afterEach(async () => smtp.stop());

/** Runs the child until it prints a line starting with `word`; then kills it (SIGKILL) or lets it end. */
function runChild(args: string[], word: string, kill: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let line = '';
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = stdout.split('\n').find((candidate) => candidate.startsWith(`${word} `));
      if (found && !line) {
        line = found;
        if (kill) process_.kill('SIGKILL');
      }
    });
    process_.on('exit', (code, signal) => {
      if (line && (kill ? signal === 'SIGKILL' : code === 0)) resolve(line);
      else reject(new Error(`child ended (${code ?? signal}) without "${word}": ${stderr}`));
    });
  });
}

async function configuredShop(dir: string) {
  smtp = await startSmtpServer({ certificates });
  const app = backofficeOn(dir, { keychain: await loadKeytar(createMemoryLogger()), trustedCertificates: [certificates.ca] });
  await configureMailShop(app, smtp.port);
  return app;
}

describe.runIf(inKeychainSession)('the mail queue across a crash', () => {
  it('sends a mail exactly once when the host is killed (SIGKILL) between queueing and sending', async () => {
    const dir = tempDir();
    await (await configuredShop(dir)).close();
    const caFile = path.join(dir, 'ca.pem');
    fs.writeFileSync(caFile, certificates.ca);

    const queued = await runChild([dir, 'queue', caFile], 'queued', true);
    expect(smtp.received).toHaveLength(0);

    const sent = await runChild([dir, 'send', caFile], 'sent', false);
    const messageId = queued.replace('queued ', '');
    expect(sent).toBe(`sent ${messageId}`);
    expect(smtp.received.map((mail) => mail.parsed.messageId)).toEqual([messageId]);

    // A second restart finds nothing left to send.
    await runChild([dir, 'send', caFile], 'sent', false);
    expect(smtp.received).toHaveLength(1);
  });
});
