import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Who holds a data folder: written into its lock file, told to anyone who finds it taken. */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `De gegevensmap ${dataDir} is in gebruik door proces ${owner.pid} op ${owner.host} (sinds ${owner.since}). ` +
        `The data folder ${dataDir} is in use by process ${owner.pid} on ${owner.host} (since ${owner.since}).`,
    );
    this.name = 'DataFolderInUseError';
  }
}

export const lockFileName = 'backoffice.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, since: String(owner.since ?? '') } : null;
  } catch {
    return null;
  }
}

const heldHere = new Map<string, number>();

/**
 * One host owns a data folder at a time: two processes writing one SQLite file with their own
 * background work (sync loop, mail queue, backups) would send changes twice. The lock file is
 * created exclusively and names its owner; a lock whose process is gone on this machine (a
 * crash, a SIGKILL) is taken over. A lock from another machine (a shared folder) cannot be
 * checked and is respected. Within one process the folder may be opened again (tests reopen
 * it); the file goes when the last opener releases it.
 */
export function lockDataFolder(dataDir: string, now: Date = new Date()): () => void {
  const file = path.join(dataDir, lockFileName);
  fs.mkdirSync(dataDir, { recursive: true });
  const held = heldHere.get(file) ?? 0;
  if (held === 0) {
    const me: LockOwner = { pid: process.pid, host: os.hostname(), since: now.toISOString() };
    for (let attempt = 0; ; attempt += 1) {
      try {
        fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
        const owner = readOwner(file);
        const stale = owner === null || (owner.host === me.host && (owner.pid === process.pid || !isAlive(owner.pid)));
        if (!stale) throw new DataFolderInUseError(dataDir, owner);
        fs.rmSync(file, { force: true });
      }
    }
  }
  heldHere.set(file, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (heldHere.get(file) ?? 1) - 1;
    if (left > 0) {
      heldHere.set(file, left);
      return;
    }
    heldHere.delete(file);
    if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}
