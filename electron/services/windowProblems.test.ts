import { expect, it } from 'vitest';
import { createMemoryLogger } from './logger';
import { createWindowProblems } from './windowProblems';

/** A window that calls in a loop must not wipe the log the diagnostics bundle carries. */
function windowProblemsAt(start: string) {
  let now = new Date(start);
  const logger = createMemoryLogger();
  const problems = createWindowProblems({ logger, clock: { now: () => now } });
  const lines = () => logger.lines.map((line) => JSON.parse(line) as { level: string; event: string; detail?: string; count?: number });
  return { problems, lines, later: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

it('logs a window problem once per text and at most 20 lines an hour, then says how many it left out', () => {
  const { problems, lines, later } = windowProblemsAt('2026-11-29T10:00:00Z');
  problems.report('codeNotLoaded', 'shellParts-1.js');
  problems.report('codeNotLoaded', 'shellParts-1.js');
  expect(lines()).toMatchObject([{ level: 'error', event: 'renderer.codeNotLoaded', detail: 'shellParts-1.js' }]);

  // 19 more fit the hour; the other 49,981 are left out, with the repeat above and the one below.
  for (let i = 0; i < 50_000; i += 1) problems.report('codeNotLoaded', `flood ${i}`);
  expect(lines()).toHaveLength(20);

  later(59);
  problems.report('codeNotLoaded', 'PrintPage-2.js');
  expect(lines()).toHaveLength(20);

  later(1);
  problems.report('codeNotLoaded', 'shellParts-1.js');
  expect(lines().slice(20)).toMatchObject([
    { level: 'warn', event: 'renderer.problemsLeftOut', count: 49_983 },
    { level: 'error', event: 'renderer.codeNotLoaded', detail: 'shellParts-1.js' },
  ]);
});
