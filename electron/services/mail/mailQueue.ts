import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Orm } from '../../../db/open';
import { mailQueue } from '../../../db/schema';
import type { Tx } from '../store/records';
import type { MailProblem } from './mailProblems';

export type QueuedMail = typeof mailQueue.$inferSelect;

export interface NewMail {
  kind: string;
  to: string;
  subject: string;
  /** The body as HTML (placeholders escaped); the layout with the logo is added when it is sent. */
  html: string;
  text: string;
  attachTerms: boolean;
  by: string;
  at: Date;
  /** The sender's domain, for the Message-ID; a Message-ID names the domain that made it. */
  domain: string;
  state?: 'queued' | 'sending';
}

/**
 * Writes the mail as a row inside the caller's transaction: the change that causes a mail and
 * the mail itself commit together or not at all.
 */
export function enqueueMail(tx: Tx | Orm, mail: NewMail): QueuedMail {
  const at = mail.at.toISOString();
  return tx
    .insert(mailQueue)
    .values({
      messageId: `<${randomUUID()}@${mail.domain}>`,
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachTerms: mail.attachTerms,
      // Stryker disable next-line LogicalOperator: the column's default is 'queued' as well
      state: mail.state ?? 'queued',
      nextAttemptAt: at,
      createdAt: at,
      createdBy: mail.by,
    })
    .returning()
    .get();
}

export function readMail(orm: Orm, id: number): QueuedMail | undefined {
  return orm.select().from(mailQueue).where(eq(mailQueue.id, id)).get();
}

/** Queued mails whose time has come, oldest first. */
export function dueMails(orm: Orm, now: Date, limit = 20): QueuedMail[] {
  return orm
    .select()
    .from(mailQueue)
    .where(and(eq(mailQueue.state, 'queued'), lte(mailQueue.nextAttemptAt, now.toISOString())))
    .orderBy(asc(mailQueue.nextAttemptAt), asc(mailQueue.id))
    .limit(limit)
    .all();
}

export function nextDueAt(orm: Orm): string | undefined {
  return orm.select({ at: mailQueue.nextAttemptAt }).from(mailQueue).where(eq(mailQueue.state, 'queued')).orderBy(asc(mailQueue.nextAttemptAt)).limit(1).get()?.at;
}

/**
 * Marks the mail as being with the server, committed before the first SMTP command: a row still
 * `sending` after a restart is a mail that may or may not have arrived.
 */
export function claimMail(orm: Orm, id: number): boolean {
  return orm.update(mailQueue).set({ state: 'sending' }).where(and(eq(mailQueue.id, id), eq(mailQueue.state, 'queued'))).run().changes === 1;
}

export function markSent(orm: Orm, id: number, answer: string, at: Date): void {
  orm
    .update(mailQueue)
    .set({ state: 'sent', sentAt: at.toISOString(), lastAnswer: answer, lastProblem: null, attempts: sql`${mailQueue.attempts} + 1` })
    .where(eq(mailQueue.id, id))
    .run();
}

export function markNotSent(orm: Orm, id: number, outcome: { problem: MailProblem; answer: string | null; retryAt: Date | null }): void {
  orm
    .update(mailQueue)
    .set({
      state: outcome.retryAt ? 'queued' : 'failed',
      attempts: sql`${mailQueue.attempts} + 1`,
      lastProblem: outcome.problem,
      lastAnswer: outcome.answer,
      ...(outcome.retryAt ? { nextAttemptAt: outcome.retryAt.toISOString() } : {}),
    })
    .where(eq(mailQueue.id, id))
    .run();
}

/**
 * After a crash or kill: mails left `sending` go out again, with the same Message-ID, and are
 * flagged so the view says they may have arrived twice.
 */
export function recoverInterrupted(orm: Orm, now: Date): number {
  return orm
    .update(mailQueue)
    .set({ state: 'queued', interrupted: true, nextAttemptAt: now.toISOString(), lastProblem: { reason: 'interrupted' } })
    .where(eq(mailQueue.state, 'sending'))
    .run().changes;
}

export function recentMails(orm: Orm, limit: number): QueuedMail[] {
  return orm.select().from(mailQueue).orderBy(desc(mailQueue.createdAt), desc(mailQueue.id)).limit(limit).all();
}

/** A person asked to send it again: a mail that never arrived goes now, keeping its Message-ID. */
export function requeueMail(orm: Orm, id: number, now: Date): boolean {
  return (
    orm
      .update(mailQueue)
      .set({ state: 'queued', nextAttemptAt: now.toISOString(), attempts: 0 })
      .where(and(eq(mailQueue.id, id), inArray(mailQueue.state, ['queued', 'failed', 'discarded'])))
      .run().changes === 1
  );
}

/**
 * Sent and discarded mails are kept for a while so Verzonden e-mail can show what went out, then
 * removed: they hold customers' addresses and order details, which a shop may not keep without
 * need (AVG). Queued and failed mails stay until a person or the queue has dealt with them.
 */
export const keepDoneMailDays = 90;

export function pruneDoneMails(orm: Orm, now: Date): number {
  const before = new Date(now.getTime() - keepDoneMailDays * 24 * 60 * 60 * 1000).toISOString();
  return orm
    .delete(mailQueue)
    .where(and(inArray(mailQueue.state, ['sent', 'discarded']), lt(mailQueue.createdAt, before)))
    .run().changes;
}

export function discardMail(orm: Orm, id: number): boolean {
  return orm.update(mailQueue).set({ state: 'discarded' }).where(and(eq(mailQueue.id, id), inArray(mailQueue.state, ['queued', 'failed']))).run().changes === 1;
}
