import type { z } from 'zod';
import { hasPermission, permissionWords } from '../../domain/access/permissions';
import { roles } from '../../domain/lists/users';
import { describe as describeReason } from '../../domain/messages';
import { failure, type Result } from '../../domain/result';
import { reasonOf, type FieldError } from '../../domain/settings/validate';
import type { Lang } from '../../domain/text';
import type { Services } from '../services/backoffice';
import type { Logger } from '../services/logger';
import type { AnyCall, Caller } from './define';
import { inputLabel } from './inputLabels';
import { policyRefusal } from './policyCheck';

export interface DispatchDeps {
  table: Record<string, AnyCall>;
  services: Services;
  logger: Logger;
}

function inputErrors(issues: z.core.$ZodIssue[], lang: Lang): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.join('.') || 'input';
    const { reason, values } = reasonOf(issue);
    return { field, reason, message: describeReason(reason, lang, { label: inputLabel(issue.path, lang), ...values }) };
  });
}

/**
 * Every call from the UI, whichever host it came through: look the name up, parse the unknown
 * input, check the session's role against the call's permission, run, and wrap the outcome. A
 * refusal is always a Result with a message in the user's language; an exception never leaks.
 */
export function createDispatch({ table, services, logger }: DispatchDeps) {
  return async function dispatch(name: unknown, input: unknown, caller: Caller): Promise<Result<unknown>> {
    const { session } = caller;
    const lang = session?.lang ?? services.preferences.get('language');
    if (typeof name !== 'string' || !Object.hasOwn(table, name)) {
      return failure({ code: 'unknown_call', message: describeReason('unknown_call', lang, { label: String(name).slice(0, 80) }) });
    }
    const def = table[name] as AnyCall;
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = inputErrors(parsed.error.issues, lang);
      return failure({ code: 'invalid_input', message: describeReason('invalid_input', lang, { label: [...new Set((parsed.error.issues as z.core.$ZodIssue[]).map((issue) => inputLabel(issue.path, lang)))].join(', ') }), fields });
    }
    const requirement = typeof def.permission === 'function' ? def.permission(parsed.data) : def.permission;
    if (requirement !== 'public') {
      if (!session) return failure({ code: 'not_signed_in', message: describeReason('not_signed_in', lang) });
      if (requirement !== 'session' && !hasPermission(session.role, requirement)) {
        const role = roles.find((r) => r.value === session.role)?.label[lang] ?? session.role;
        logger.warn('api.forbidden', { call: name, role: session.role, permission: requirement });
        return failure({ code: 'forbidden', message: describeReason('forbidden', lang, { role, ...permissionWords(requirement, lang) }) });
      }
    }
    // Only what the user does keeps the session alive; a background poll must not stop "Automatisch afmelden".
    if (session && def.activity !== false) services.access.touch(session.id);
    const refusal = policyRefusal(services.policy, name, parsed.data as Record<string, unknown>, lang);
    if (refusal) return refusal;
    try {
      return await def.run(parsed.data, { services, session, lang, bindSession: caller.bindSession });
    } catch (error) {
      logger.error('api.failed', { call: name, error: (error as Error).message, stack: (error as Error).stack });
      return failure({ code: 'internal', message: describeReason('internal', lang) });
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatch>;
