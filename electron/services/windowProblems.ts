import type { Clock } from './clock';
import type { Logger } from './logger';

/** Lines a window may add to the log per hour; a real failure needs a handful (one per try). */
const linesPerHour = 20;
const hourMs = 60 * 60_000;

/**
 * What only a window knows went wrong (its code could not be fetched), written to the log that
 * the diagnostics bundle carries to support. Anything holding the window's bridge can call it, so
 * it is bounded: at most `linesPerHour` lines an hour, the same text once, and one line saying how
 * many were left out, so a looping window can neither wipe the rotated log nor stall the main
 * process with writes.
 */
export function createWindowProblems({ logger, clock }: { logger: Logger; clock: Clock }) {
  let hourStarted = Number.NEGATIVE_INFINITY;
  let written = 0;
  let leftOut = 0;
  const seen = new Set<string>();

  return {
    report(problem: string, detail: string): void {
      const now = clock.now().getTime();
      if (now - hourStarted >= hourMs) {
        if (leftOut > 0) logger.warn('renderer.problemsLeftOut', { count: leftOut });
        hourStarted = now;
        written = 0;
        leftOut = 0;
        seen.clear();
      }
      const key = `${problem}\u0000${detail}`;
      if (written >= linesPerHour || seen.has(key)) {
        leftOut += 1;
        return;
      }
      seen.add(key);
      written += 1;
      logger.error(`renderer.${problem}`, { detail });
    },
  };
}
