import { z } from 'zod';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import type { Session } from '../../services/access/session';
import { call, type CallContext } from '../define';

/** The session as the UI sees it: who is signed in, never the id that proves it. */
export type SessionView = Omit<Session, 'id'>;

function signedIn(result: Result<Session>, context: CallContext): Result<SessionView> {
  if (!result.ok) return result;
  context.bindSession(result.value.id);
  const { id: _id, ...view } = result.value;
  return success(view);
}

export const accessCalls = {
  /** Which screen to show first: setup, sign-in, or the app for the current session. */
  'access.state': call({
    input: z.object({}),
    permission: 'public',
    run: (_input, { services, session }) => {
      const view: SessionView | null = session ? { userId: session.userId, name: session.name, email: session.email, role: session.role, lang: session.lang } : null;
      return success({ needsSetup: services.access.needsSetup(), session: view, notices: services.startupNotices() });
    },
  }),
  'access.setup': call({
    input: z.object({ name: z.string(), email: z.string(), password: z.string(), backOfficeName: z.string() }),
    permission: 'public',
    run: async (input, context) => signedIn(await context.services.access.setup(input, context.lang), context),
  }),
  'access.signIn': call({
    input: z.object({ email: z.string(), password: z.string() }),
    permission: 'public',
    run: async (input, context) => signedIn(await context.services.access.signIn(input, context.lang), context),
  }),
  'access.signOut': call({
    input: z.object({}),
    permission: 'session',
    run: (_input, { services, session, bindSession }) => {
      if (session) services.access.signOut(session.id);
      bindSession(null);
      return success(null);
    },
  }),
  /** The signed-in user changes their own password; the current one is required. Their other sessions end. */
  'access.changePassword': call({
    input: z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }),
    permission: 'session',
    run: async (input, { services, session, lang }) => {
      if (!session) return failure({ code: 'not_signed_in', message: describeReason('not_signed_in', lang) });
      return services.access.changeOwnPassword(session, input, lang);
    },
  }),
  /** A new user is created with a first password in one step; a refused password creates nothing. */
  'users.create': call({
    input: z.object({ values: z.record(z.string(), z.unknown()), password: z.string().max(1024) }),
    permission: 'users.edit',
    run: ({ values, password }, { services, session, lang }) =>
      services.access.createUser(values, password, lang, (checked) => services.lists.create('users', checked, { by: session?.name ?? 'onbekend', userId: session?.userId, lang }), session?.userId),
  }),
};
