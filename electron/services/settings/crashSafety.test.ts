import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { settingsOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';

const tempDir = useTempDir();
const writer = fileURLToPath(new URL('../../../test/crashWriter.ts', import.meta.url));

/** Runs the writer until it has acknowledged `atLeast` saves, then kills it without warning. */
function killAfterAcks(dir: string, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) lastAck = Number(line.replace('ack ', ''));
      if (lastAck >= atLeast && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(lastAck) : reject(new Error(`writer stopped by itself: ${stderr}`))));
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged save when the process is killed mid-write', async () => {
    const dir = tempDir();
    const acknowledged = await killAfterAcks(dir, 300);
    expect(acknowledged).toBeGreaterThanOrEqual(300);

    const { settings, store } = settingsOn(dir);
    expect(store.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    const billing = settings.readGroup('company.billing');
    // The kill may land after a commit whose ack was not yet read: never fewer, at most a few more.
    const saved = billing.ok ? Number(billing.value.values.nextInvoiceNumber) : 0;
    expect(saved).toBeGreaterThanOrEqual(acknowledged);
    expect(billing.ok && billing.value.values.invoiceFooter).toBe(`Bon ${saved}`);
    const outbox = store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
    expect(outbox.n).toBe(saved);
    store.close();
  });
});
