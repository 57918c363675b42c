import type { TreeNode } from '../../../domain/settings/types';
import { ListPage, type ListExtras } from './ListPage';
import { usePaymentMethodsExtras } from './special/PaymentMethodsExtras';
import { useShippingMethodsExtras } from './special/ShippingMethodsExtras';
import { useTemplatesExtras } from './special/TemplatesExtras';
import { useUsersExtras } from './special/UsersExtras';
import { useWebhooksExtras } from './special/WebhooksExtras';

const extrasFor: Readonly<Record<string, () => ListExtras>> = {
  paymentMethods: usePaymentMethodsExtras,
  shippingMethods: useShippingMethodsExtras,
  users: useUsersExtras,
  emailTemplates: useTemplatesExtras,
  webhooks: useWebhooksExtras,
};

const noExtras = (): ListExtras => ({});

/** A list section: the generic table and form, plus what that list has of its own. */
export function ListSection({ node, collection }: { node: TreeNode; collection: string }) {
  return <ListWithExtras key={collection} node={node} collection={collection} useExtras={extrasFor[collection] ?? noExtras} />;
}

function ListWithExtras({ node, collection, useExtras }: { node: TreeNode; collection: string; useExtras: () => ListExtras }) {
  return <ListPage node={node} collection={collection} extras={useExtras()} />;
}
