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

/** Appends JSON lines to a file; synchronous so the last line before a crash is on disk. */
export function createFileLogger(file: string, now: () => Date = () => new Date()): Logger {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const write = (level: Level) => (event: string, data?: Record<string, unknown>) =>
    fs.appendFileSync(file, lineFor(level, event, data, now()));
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** Keeps lines in memory, for tests and for the diagnostics view. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: Level) => (event: string, data?: Record<string, unknown>) => lines.push(lineFor(level, event, data, new Date()));
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}
