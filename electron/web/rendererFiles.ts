import fs from 'node:fs';
import { Readable } from 'node:stream';

/**
 * The built renderer's files, read without blocking. Small files are kept in memory: a start
 * fetches some 440 KB in six files, and answering each in one write (instead of 64 KB stream
 * pieces, each a thread-pool round trip) lets a fresh browser run its scripts sooner. A file
 * larger than `fileLimit` (a source map, a stray video) is streamed and never kept, and all kept
 * files together stay under `totalLimit`, least recently served out first, so files of earlier
 * builds do not stay for the host's life. A kept copy is used only while the file on disk is
 * the same one: same inode, size, mtime and ctime (cp -p, tar and rsync -t restore the mtime, but
 * replacing or rewriting a file always moves its ctime).
 */
export function createRendererFiles({ fileLimit = 2 * 1024 * 1024, totalLimit = 16 * 1024 * 1024 } = {}) {
  const kept = new Map<string, { stat: fs.Stats; body: Buffer }>();
  let keptBytes = 0;
  const sameFile = (a: fs.Stats, b: fs.Stats) => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
  const forget = (file: string) => {
    keptBytes -= kept.get(file)?.body.length ?? 0;
    kept.delete(file);
  };

  return {
    /**
     * The file's size and, when it is small, its bytes; `body: null` means stream it with
     * `stream`. Null when there is no such file (any copy of it is dropped).
     */
    async open(file: string): Promise<{ size: number; body: Buffer | null } | null> {
      const stat = await fs.promises.stat(file).catch(() => null);
      const entry = kept.get(file);
      if (entry) forget(file);
      if (!stat?.isFile()) return null;
      if (entry && sameFile(entry.stat, stat)) {
        // Put back at the end: the Map's order is the order of last use.
        kept.set(file, entry);
        keptBytes += entry.body.length;
        return { size: stat.size, body: entry.body };
      }
      if (stat.size > fileLimit) return { size: stat.size, body: null };
      const handle = await fs.promises.open(file).catch(() => null);
      if (!handle) return null;
      try {
        // Size and bytes from the same open file, so a copy is never kept under another file's name.
        const opened = await handle.stat();
        const body = await handle.readFile();
        if (body.length !== opened.size || body.length > fileLimit) return { size: body.length, body };
        // Two requests that read the file at once both get here; the second replaces the first's
        // copy, which must leave the count, or the budget would fill with bytes nobody keeps.
        forget(file);
        kept.set(file, { stat: opened, body });
        keptBytes += body.length;
        for (const [oldest] of kept) {
          if (keptBytes <= totalLimit) break;
          forget(oldest);
        }
        return { size: body.length, body };
      } finally {
        await handle.close();
      }
    },
    /** A large file's bytes as they are read, with the size they have now; null when it is gone. */
    async stream(file: string): Promise<{ size: number; bytes: Readable } | null> {
      const handle = await fs.promises.open(file).catch(() => null);
      if (!handle) return null;
      // Once the read stream exists it closes the file; until then (a failing stat) it is ours to close.
      let handedOver = false;
      try {
        const stat = await handle.stat();
        // Emptied since it was found too big: no bytes to send (a range ending at -1 is refused).
        if (stat.size === 0) return { size: 0, bytes: Readable.from([]) };
        const bytes = handle.createReadStream({ end: stat.size - 1 });
        handedOver = true;
        return { size: stat.size, bytes };
      } finally {
        if (!handedOver) await handle.close();
      }
    },
  };
}
