import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/tempDir';
import { lockFolder } from './folderLock';

/**
 * One cloud per PGlite data folder: a second one on the same folder would silently lose rows, so
 * the operator who starts it is told which process holds the folder, and a lock left behind by a
 * cloud that crashed does not keep the folder closed for good.
 */
const tempDir = useTempDir();
const lockFile = (dir: string) => path.join(dir, 'cloud.lock');
const holder = (dir: string) => JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')) as { pid: number; host: string; startedAt: string };

/** The id of a process that ran and ended: a cloud that crashed without releasing its lock. */
function endedProcessId(): number {
  const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(ended.stdout);
}

describe('the cloud data folder lock', () => {
  it('makes the folder when missing and names this process, this computer and when it started', () => {
    const dir = path.join(tempDir(), 'cloud-data');
    const lock = lockFolder(dir);
    expect(holder(dir)).toEqual({ pid: process.pid, host: os.hostname(), startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('refuses a second cloud on the same folder, naming the process that holds it, until that one releases it', () => {
    const dir = tempDir();
    const first = lockFolder(dir);
    expect(() => lockFolder(dir)).toThrow(`The cloud data folder ${dir} is in use by process ${process.pid} on ${os.hostname()} (since ${holder(dir).startedAt}). Stop that cloud first, or give this one another --data-dir.`);
    first.release();
    lockFolder(dir).release();
  });

  it('takes over a lock left by a cloud on this computer that no longer runs', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: endedProcessId(), host: os.hostname(), startedAt: '2026-11-28T22:00:00.000Z' }));
    const lock = lockFolder(dir);
    expect(holder(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock file that names no process (a crash while it was written)', () => {
    for (const leftover of ['', '{"pid": "12"}', '{"pid": 12}', JSON.stringify({ pid: '1', host: os.hostname() })]) {
      const dir = tempDir();
      fs.writeFileSync(lockFile(dir), leftover);
      const lock = lockFolder(dir);
      expect(holder(dir).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('leaves alone a lock held by a process on another computer sharing the folder, whether or not that id runs here', () => {
    for (const pid of [endedProcessId(), process.pid]) {
      const dir = tempDir();
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid, host: 'kassa-pc-2', startedAt: '2026-11-29T07:00:00.000Z' }));
      expect(() => lockFolder(dir)).toThrow(`is in use by process ${pid} on kassa-pc-2 (since 2026-11-29T07:00:00.000Z)`);
      expect(holder(dir).host).toBe('kassa-pc-2');
    }
  });

  it('respects a lock of a process still running on this computer, also one of another user', () => {
    const dir = tempDir();
    // Process 1 always runs; run as another user than root, signalling it is refused (EPERM), which means running too.
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 1, host: os.hostname(), startedAt: '2026-11-29T07:00:00.000Z' }));
    expect(() => lockFolder(dir)).toThrow('is in use by process 1 on');
  });

  it('releasing after the lock file was removed by hand does not fail', () => {
    const dir = tempDir();
    const lock = lockFolder(dir);
    fs.rmSync(lockFile(dir));
    expect(() => lock.release()).not.toThrow();
    lockFolder(dir).release();
  });

  it('releasing does not remove a lock another process took over meanwhile', () => {
    const dir = tempDir();
    const lock = lockFolder(dir);
    const other = { pid: 1, host: os.hostname(), startedAt: '2026-11-29T08:00:00.000Z' };
    fs.writeFileSync(lockFile(dir), JSON.stringify(other));
    lock.release();
    expect(holder(dir)).toEqual(other);
  });
});
