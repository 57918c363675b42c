import type { FirstAnswers } from '../../domain/firstAnswers';
import type { Result } from '../../domain/result';
import type { Caller } from './define';

type Dispatch = (name: unknown, input: unknown, caller: Caller) => Promise<Result<unknown>>;

/**
 * The first screen's answers, through the same dispatch (and so the same permissions) as when the
 * page asks for them itself; each host puts them into the page it serves (pageWithFirstAnswers).
 */
export async function askFirstAnswers(dispatch: Dispatch, caller: Caller): Promise<FirstAnswers> {
  const [access, preferences] = await Promise.all([dispatch('access.state', {}, caller), dispatch('preferences.get', {}, caller)]);
  return { 'access.state': access, 'preferences.get': preferences };
}
