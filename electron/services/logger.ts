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

/**
 * Appends JSON lines to a file; synchronous so the last line before a crash is on disk. The file
 * and its folder are for this user only (0600/0700), and the log rotates so it never grows
 * without bound. The file stays open between lines: opening and closing it for every line cost
 * a settings write about a seventh of its time.
 */
export function createFileLogger(file: string, now: () => Date = () => new Date(), rotation: Rotation = defaultRotation): Logger {
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
    fs.closeSync(fd);
    try {
      fs.rmSync(`${file}.${rotation.keep}`, { force: true });
      for (let n = rotation.keep - 1; n >= 1; n--) {
        if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
      }
      fs.renameSync(file, `${file}.1`);
    } catch {
      // Kept writing where we were; the next line tries again.
    } finally {
      fd = fs.openSync(file, 'a', 0o600);
      size = fs.fstatSync(fd).size;
    }
  }

  const write = (level: Level) => (event: string, data?: Record<string, unknown>) => {
    // Encoded once: handing the string to writeSync encoded it a second time after counting its bytes.
    const line = Buffer.from(lineFor(level, event, data, now()));
    if (size > 0 && size + line.length > rotation.maxBytes) rotate();
    fs.writeSync(fd, line);
    size += line.length;
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** Keeps lines in memory, for tests and for the diagnostics view. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: Level) => (event: string, data?: Record<string, unknown>) => lines.push(lineFor(level, event, data, new Date()));
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}
