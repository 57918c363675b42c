import type { Result } from '../../../domain/result';
import { bridge } from './backoffice';

/** The calls whose answers decide the first screen: who is signed in, and in which language. */
const firstCalls = ['access.state', 'preferences.get'] as const;
type FirstCall = (typeof firstCalls)[number];

/**
 * Asked for by a script of its own that index.html runs as soon as it has arrived (vite.config.ts
 * adds it), beside the app's much larger first script: the round trip overlaps downloading and
 * starting React instead of following it, and the first render often already draws the screen the
 * answers decide, not the loading screen.
 */
const asked = new Map<FirstCall, Promise<Result<unknown>>>(
  firstCalls.map((name) => {
    const answer = bridge().call(name, {});
    // A failure is handled by the query that takes the answer (as "offline"), not reported before it does.
    answer.catch(() => undefined);
    return [name, answer];
  }),
);

/**
 * The answer asked for at start-up, handed out once (to the first query for it); later queries
 * for the same call ask again, as the state may have changed.
 */
export function takeFirstAnswer(name: string): Promise<Result<unknown>> | undefined {
  const answer = asked.get(name as FirstCall);
  asked.delete(name as FirstCall);
  return answer;
}
