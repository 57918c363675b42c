import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/tempDir';
import { DataFolderInUseError, lockDataFolder, lockFileName } from './dataFolderLock';

const tempDir = useTempDir();
const lockModule = path.resolve(import.meta.dirname, 'dataFolderLock.ts');

/** A second, real process trying to take the folder; answers what it was told. */
function secondProcess(dir: string): { status: number | null; stderr: string } {
  const script = `import { lockDataFolder } from ${JSON.stringify(lockModule)};
try { lockDataFolder(${JSON.stringify(dir)}); } catch (error) { console.error(error.message); process.exit(3); }`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stderr: run.stderr };
}

describe('the data folder lock', () => {
  it('keeps a second process out and names the process and host that hold the folder', () => {
    const dir = tempDir();
    const release = lockDataFolder(dir);
    const second = secondProcess(dir);
    expect(second.status).toBe(3);
    expect(second.stderr).toContain(`in gebruik door proces ${process.pid} op ${os.hostname()}`);
    release();
    expect(fs.existsSync(path.join(dir, lockFileName))).toBe(false);
    expect(secondProcess(dir).status).toBe(0);
  });

  it('takes over the lock of a process that is gone', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(path.join(dir, lockFileName), JSON.stringify({ pid: gone.pid, host: os.hostname(), since: '2026-11-28T10:00:00.000Z' }));
    const release = lockDataFolder(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, lockFileName), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  it('respects a lock held on another machine (a shared folder), which it cannot check', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, lockFileName), JSON.stringify({ pid: 1, host: 'kassa-2.winkel.lan', since: '2026-11-28T10:00:00.000Z' }));
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
    expect(() => lockDataFolder(dir)).toThrow(/proces 1 op kassa-2\.winkel\.lan/);
  });
});
