import type { z } from 'zod';
import type { Permission } from '../../domain/access/permissions';
import type { Result } from '../../domain/result';
import type { Services } from '../services/backoffice';
import type { Session } from '../services/access/session';

/**
 * What a call needs: `public` (before sign-in: language, app name), `session` (any signed-in
 * back-office user; the call itself filters what the role may see), or a named permission.
 */
export type Requirement = Permission | 'public' | 'session';

/** What the host knows of the caller: the window's session, and how to change it. */
export interface Caller {
  session: Session | null;
  /** Called on sign-in (with the new id) and sign-out (null); the host remembers it for the window. */
  bindSession(id: string | null): void;
}

export interface CallContext {
  services: Services;
  /** Null only for public calls made before sign-in. */
  session: Session | null;
  lang: 'nl' | 'en';
  bindSession: Caller['bindSession'];
}

export interface CallDef<I extends z.ZodType, O> {
  input: I;
  /** Fixed, or derived from the parsed input (the area of the settings group being written). */
  permission: Requirement | ((input: z.output<I>) => Requirement);
  run(input: z.output<I>, context: CallContext): Result<O> | Promise<Result<O>>;
  /** False for what the window asks by itself (the sync badge's poll): it does not keep an idle session alive. */
  activity?: false;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table holds calls of every input and output type
export type AnyCall = CallDef<any, any>;

/** Who makes a change: the name history shows, the id the outbox carries, the language of the answer. */
export const actorOf = ({ session, lang }: Pick<CallContext, 'session' | 'lang'>) => ({ by: session?.name ?? 'onbekend', userId: session?.userId, lang });

export const call = <I extends z.ZodType, O>(def: CallDef<I, O>): CallDef<I, O> => def;

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** Joins the parts of the table; a name defined twice is a programming error caught at start-up. */
export function defineTable<P extends Record<string, AnyCall>[]>(...parts: P): UnionToIntersection<P[number]> {
  const table: Record<string, AnyCall> = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (Object.hasOwn(table, name)) throw new Error(`API call "${name}" is defined twice`);
      table[name] = def;
    }
  }
  return table as UnionToIntersection<P[number]>;
}
