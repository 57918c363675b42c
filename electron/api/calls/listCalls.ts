import { z } from 'zod';
import { permissionFor } from '../../../domain/access/permissions';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success } from '../../../domain/result';
import { collections } from '../../../domain/settings/catalogue';
import { webhookUrlRefusal } from '../../services/webhooks/webhookUrlPolicy';
import { actorOf, call, type CallContext } from '../define';

const collection = z.enum(collections.map((def) => def.key) as [string, ...string[]]);
const id = z.string().min(1).max(100);

/** A webhook URL typed into the form meets the rule the cloud applies when it connects (with IT's policy). */
const hookUrlRefusal = (collection: string, values: Record<string, unknown>, { services, lang }: Pick<CallContext, 'services' | 'lang'>) =>
  collection === 'webhooks' ? webhookUrlRefusal(values.webhookUrl, services.policy.state().allowPrivateWebhookTargets, lang) : null;

export const listCalls = {
  'lists.list': call({
    input: z.object({ collection }),
    permission: ({ collection }) => permissionFor(collection, 'view'),
    run: ({ collection }, { services, lang }) => services.lists.list(collection, lang),
  }),
  'lists.create': call({
    // A client that may retry makes its own mutation id: the same id again answers with the first item.
    input: z.object({ collection, values: z.record(z.string(), z.unknown()), mutationId: z.uuid().optional() }),
    permission: ({ collection }) => permissionFor(collection, 'edit'),
    run: ({ collection, values, mutationId }, { services, session, lang }) =>
      // A user made here would have no password and could never sign in: users.create makes one with it.
      collection === 'users'
        ? failure({ code: 'user_needs_password', message: describeReason('user_needs_password', lang) })
        : (hookUrlRefusal(collection, values, { services, lang }) ?? services.lists.create(collection, values, actorOf({ session, lang }), mutationId)),
  }),
  'lists.update': call({
    input: z.object({ collection, id, changes: z.record(z.string(), z.unknown()), mutationId: z.uuid().optional() }),
    permission: ({ collection }) => permissionFor(collection, 'edit'),
    run: ({ collection, id, changes, mutationId }, { services, session, lang }) =>
      hookUrlRefusal(collection, changes, { services, lang }) ?? services.lists.update(collection, id, changes, actorOf({ session, lang }), mutationId),
  }),
  'lists.remove': call({
    input: z.object({ collection, id }),
    permission: ({ collection }) => permissionFor(collection, 'edit'),
    run: ({ collection, id }, { services, session, lang }) => services.lists.remove(collection, id, actorOf({ session, lang })),
  }),
  'lists.reorder': call({
    input: z.object({ collection, ids: z.array(id).max(1000) }),
    permission: ({ collection }) => permissionFor(collection, 'edit'),
    run: ({ collection, ids }, { services, session, lang }) => services.lists.reorder(collection, ids, actorOf({ session, lang })),
  }),
  /** The green [Sync betalingsprovider] button: the provider's options through the cloud, merged into Betaalmethoden. */
  'paymentMethods.sync': call({
    input: z.object({}),
    permission: 'payments.edit',
    run: (_input, { services, session, lang }) => services.paymentProvider.sync(actorOf({ session, lang })),
  }),
  /** When this workstation last synced with the provider, and what changed then. */
  'paymentMethods.lastSync': call({
    input: z.object({}),
    permission: 'payments.view',
    run: (_input, { services }) => success(services.paymentProvider.lastSync()),
  }),
  'users.credentials': call({
    input: z.object({}),
    permission: 'users.view',
    run: (_input, { services }) => success(services.access.credentialKinds()),
  }),
  'users.setPassword': call({
    input: z.object({ userId: id, password: z.string().max(1024) }),
    permission: 'users.edit',
    run: ({ userId, password }, { services, session, lang }) => services.access.setCredential(userId, 'password', password, lang, { userId: session?.userId }),
  }),
  'users.setPin': call({
    input: z.object({ userId: id, pin: z.string().max(16) }),
    permission: 'users.edit',
    run: ({ userId, pin }, { services, session, lang }) => services.access.setCredential(userId, 'pin', pin, lang, { userId: session?.userId }),
  }),
};
