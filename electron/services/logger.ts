import fs from 'node:fs';
import path from 'node:path';

/**
 * Structured log lines. Callers pass identifiers and counts, never values the user typed into a
 * secret: the secrets service logs purposes only, so a log can be sent with a support request.
 */
export interface Logger {
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  error(event: string, data?: Record<string, unknown>): void;
  /** Puts lines still held in memory into the file; for whoever reads the file next (see createFileLogger). */
  flush?(): void;
}

type Level = 'info' | 'warn' | 'error';

function lineFor(level: Level, event: string, data: Record<string, unknown> | undefined, now: Date): string {
  return `${JSON.stringify({ at: now.toISOString(), level, event, ...data })}\n`;
}

export interface Rotation {
  /** A log file is moved aside once it reaches this size. */
  maxBytes: number;
  /** How many moved-aside files (`.1` newest … `.N` oldest) are kept. */
  keep: number;
}

/** 5 MB a file and 3 older ones: a few months of a shop's log, at most 20 MB on disk. */
export const defaultRotation: Rotation = { maxBytes: 5 * 1024 * 1024, keep: 3 };

/** The file loggers whose held lines must reach their file before the process ends. */
const holding = new Set<() => void>();
let flushOnExit = false;

/** Held info lines are written at once when there are this many, whatever the turn. */
const heldLines = 500;

/**
 * Appends JSON lines to a file. The file and its folder are for this user only (0600/0700), and
 * the log rotates so it never grows without bound. The file stays open between lines: opening and
 * closing it for every line cost a settings write about a seventh of its time.
 *
 * Warnings and errors are written at once, so the last one before a crash is in the file. Info
 * lines (a saved group, a pushed change: the durable record of those is the database itself) are
 * held until the end of the event loop's turn and written together: a settings save answers
 * without waiting for a system call that only the log needs, and a burst of saves costs one write.
 * Held lines are written before a warning or error (the order in the file is the order logged),
 * when 500 are held, on `flush()` and when the process exits, also after an uncaught exception.
 * Only a process killed outright loses them: at most the lines of its last turn. A held line is
 * formatted when it is written, so callers hand over data they no longer change (every caller
 * passes a fresh object).
 */
export function createFileLogger(file: string, now: () => Date = () => new Date(), rotation: Rotation = defaultRotation): Logger & { flush(): void } {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.chmodSync(path.dirname(file), 0o700);
  let fd = fs.openSync(file, 'a', 0o600);
  fs.chmodSync(file, 0o600);
  let size = fs.fstatSync(fd).size;

  /**
   * Moves the full file aside. When that cannot happen now (on Windows a file another program
   * holds open cannot be renamed), the log goes on in the same file and rotation is tried again
   * at the next line: a log line must never make the save that wrote it fail.
   */
  function rotate(): void {
    const full = fd;
    // Forgotten before it is closed: a number this logger no longer holds may be another file's next.
    fd = -1;
    fs.closeSync(full);
    try {
      fs.rmSync(`${file}.${rotation.keep}`, { force: true });
      for (let n = rotation.keep - 1; n >= 1; n--) {
        if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
      }
      fs.renameSync(file, `${file}.1`);
    } catch {
      // Kept writing where we were; the next line tries again.
    }
    reopen();
  }

  /** Opens the file again, making its folder anew if it was taken away (a cleaned-up logs folder). */
  function reopen(): void {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fd = fs.openSync(file, 'a', 0o600);
    size = fs.fstatSync(fd).size;
  }

  /** Writes the lines in as few calls as it can, moving the file aside before the line that would take it past its size. */
  function writeLines(lines: readonly string[]): void {
    let chunk = '';
    let chunkBytes = 0;
    const writeChunk = () => {
      if (chunk === '') return;
      fs.writeSync(fd, Buffer.from(chunk));
      size += chunkBytes;
      chunk = '';
      chunkBytes = 0;
    };
    if (fd < 0) reopen();
    for (const line of lines) {
      const bytes = Buffer.byteLength(line);
      if (size + chunkBytes > 0 && size + chunkBytes + bytes > rotation.maxBytes) {
        writeChunk();
        rotate();
      }
      chunk += line;
      chunkBytes += bytes;
    }
    writeChunk();
  }

  /** Info lines not yet written: formatted only when written, so logging one costs a save next to nothing. */
  let held: { level: Level; event: string; data: Record<string, unknown> | undefined; at: Date }[] = [];
  let scheduled = false;

  /** Never throws: a full disk or a file taken away costs the lines, never the save or the exit that logged them. */
  function flush(): void {
    if (held.length === 0) return;
    const entries = held;
    held = [];
    try {
      writeLines(entries.map(({ level, event, data, at }) => {
        try {
          return lineFor(level, event, data, at);
        } catch {
          // Data that cannot be written (a cycle, a BigInt) costs its own details, never the turn's other lines.
          return lineFor(level, event, { unwritable: true }, at);
        }
      }));
    } catch {
      // Nowhere left to say so.
    }
  }

  if (!flushOnExit) {
    flushOnExit = true;
    process.on('exit', () => {
      for (const flushHeld of holding) flushHeld();
    });
  }
  holding.add(flush);

  const log = (level: Level) => (event: string, data?: Record<string, unknown>) => {
    held.push({ level, event, data, at: now() });
    if (level !== 'info' || held.length >= heldLines) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        flush();
      }).unref();
    }
  };
  return { info: log('info'), warn: log('warn'), error: log('error'), flush };
}

/** Keeps lines in memory, for tests and for the diagnostics view. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: Level) => (event: string, data?: Record<string, unknown>) => lines.push(lineFor(level, event, data, new Date()));
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}
