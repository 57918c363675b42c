import { firstCalls, type FirstAnswers } from '../../domain/firstAnswers';
import type { Caller } from './define';
import type { Dispatch } from './dispatch';

/**
 * The first screen's answers, through the same dispatch (and so the same permissions) as when the
 * page asks for them itself; each host puts them into the page it serves (pageWithFirstAnswers).
 * The calls are the domain's list, so a call added there is asked here too.
 */
export async function askFirstAnswers(dispatch: Dispatch, caller: Caller): Promise<FirstAnswers> {
  const answers = await Promise.all(firstCalls.map(async (name) => [name, await dispatch(name, {}, caller)] as const));
  return Object.fromEntries(answers) as FirstAnswers;
}
