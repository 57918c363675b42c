import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FolderLock {
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { pid: holder.pid, host: holder.host, startedAt: String(holder.startedAt) } : null;
  // Stryker disable next-line BlockStatement: undefined and null both read as "no holder".
  } catch {
    return null;
  }
}

/**
 * PGlite has no protection against a second process opening the same folder, and two openers
 * silently lose rows. So the cloud claims its data folder with an exclusive lock file naming the
 * process; a second cloud on the same folder is refused with that name. A lock left by a process
 * that no longer runs on this machine is taken over.
 */
export function lockFolder(dir: string): FolderLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'cloud.lock');
  const me: Holder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return {
        release() {
          // Stryker disable next-line ObjectLiteral,BooleanLiteral: the file was just read; `force` only matters when it goes in between.
          if (readHolder(file)?.pid === me.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && (holder.host !== me.host || isAlive(holder.pid))) {
        throw new Error(
          `The cloud data folder ${dir} is in use by process ${holder.pid} on ${holder.host} (since ${holder.startedAt}). ` +
            'Stop that cloud first, or give this one another --data-dir.',
        );
      }
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: the file was just found; `force` only matters when another cloud removed it in between.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not claim the cloud data folder ${dir}: another process keeps taking it.`);
}
