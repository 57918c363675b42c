import type { CallInput } from '../../../electron/api/table';
import { args, startApi, type Out } from './startApi';

/**
 * Every call of the table beyond the first screens' (startApi.ts), added to the same API when the
 * parts drawn after the first screen load: the top bar, the forms, lists and pages.
 */
export const api = startApi.injectEndpoints({
  endpoints: (build) => ({
    appInfo: build.query<Out<'app.info'>, void>({ query: () => args('app.info', {}) }),
    policyState: build.query<Out<'policy.state'>, void>({ query: () => args('policy.state', {}), providesTags: ['Policy'] }),
    setup: build.mutation<Out<'access.setup'>, CallInput<'access.setup'>>({
      query: (input) => args('access.setup', input),
      invalidatesTags: ['Access', 'Settings'],
    }),
    signOut: build.mutation<Out<'access.signOut'>, void>({ query: () => args('access.signOut', {}), invalidatesTags: ['Access'] }),
    changePassword: build.mutation<Out<'access.changePassword'>, CallInput<'access.changePassword'>>({ query: (input) => args('access.changePassword', input) }),
    settingsSnapshot: build.query<Out<'settings.snapshot'>, void>({ query: () => args('settings.snapshot', {}), providesTags: ['Settings'] }),
    writeSettings: build.mutation<Out<'settings.write'>, CallInput<'settings.write'>>({
      query: (input) => args('settings.write', input),
      // The answer is the group as now stored: patch it in rather than reading every group again.
      async onQueryStarted({ group }, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (data) dispatch(patchGroup(group, data));
      },
      // The outbox count in the top bar follows the change event (store.ts), which every write sends.
      invalidatesTags: (result, _error, { group }) => (result ? [{ type: 'History', id: group }] : []),
    }),
    uploadAttachment: build.mutation<Out<'attachments.upload'>, CallInput<'attachments.upload'>>({ query: (input) => args('attachments.upload', input) }),
    attachment: build.query<Out<'attachments.read'>, string>({
      query: (hash) => args('attachments.read', { hash }),
      // A hash names its bytes for good, so a file once here is kept for the whole session; one
      // that is not downloaded yet is asked for again after every sync run ('Sync').
      keepUnusedDataFor: Infinity,
      providesTags: (result) => (result?.state === 'ready' ? [] : ['Sync']),
    }),
    fieldHistory: build.query<Out<'settings.history'>, CallInput<'settings.history'>>({
      query: (input) => args('settings.history', input),
      providesTags: (_result, _error, { group }) => ['Settings', { type: 'History', id: group }],
    }),
    secretStatus: build.query<Out<'secrets.status'>, CallInput<'secrets.status'>>({
      query: (input) => args('secrets.status', input),
      providesTags: (_result, _error, { purpose }) => [{ type: 'Secret', id: purpose }],
    }),
    setSecret: build.mutation<Out<'secrets.set'>, CallInput<'secrets.set'>>({
      query: (input) => args('secrets.set', input),
      invalidatesTags: (_result, _error, { purpose }) => [{ type: 'Secret', id: purpose }],
    }),
    clearSecret: build.mutation<Out<'secrets.clear'>, CallInput<'secrets.clear'>>({
      query: (input) => args('secrets.clear', input),
      invalidatesTags: (_result, _error, { purpose }) => [{ type: 'Secret', id: purpose }],
    }),
    listItems: build.query<Out<'lists.list'>, CallInput<'lists.list'>>({
      query: (input) => args('lists.list', input),
      providesTags: (_result, _error, { collection }) => [{ type: 'List', id: collection }],
    }),
    createItem: build.mutation<Out<'lists.create'>, CallInput<'lists.create'>>({
      query: (input) => args('lists.create', input),
      invalidatesTags: (_result, _error, { collection }) => [{ type: 'List', id: collection }, 'Sync'],
    }),
    createUser: build.mutation<Out<'users.create'>, CallInput<'users.create'>>({
      query: (input) => args('users.create', input),
      invalidatesTags: [{ type: 'List', id: 'users' }, 'Credentials', 'Sync'],
    }),
    updateItem: build.mutation<Out<'lists.update'>, CallInput<'lists.update'>>({
      query: (input) => args('lists.update', input),
      // The answer is the item as now stored: patch it in. Other items a change touched (the
      // default sales channel) arrive with the change event, which then asks for the whole list.
      async onQueryStarted({ collection }, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (data) dispatch(patchItem(collection, data));
      },
    }),
    removeItem: build.mutation<Out<'lists.remove'>, CallInput<'lists.remove'>>({
      query: (input) => args('lists.remove', input),
      // Removing a sales channel also changes the default channels and users that chose it.
      invalidatesTags: (_result, _error, { collection }) => [{ type: 'List', id: collection }, { type: 'List', id: 'users' }, 'Settings', 'Sync'],
    }),
    reorderItems: build.mutation<Out<'lists.reorder'>, CallInput<'lists.reorder'>>({
      query: (input) => args('lists.reorder', input),
      invalidatesTags: (_result, _error, { collection }) => [{ type: 'List', id: collection }, 'Sync'],
    }),
    syncPaymentMethods: build.mutation<Out<'paymentMethods.sync'>, void>({
      query: () => args('paymentMethods.sync', {}),
      invalidatesTags: (result) => (result ? [{ type: 'List', id: 'paymentMethods' }, 'ProviderSync', 'Sync'] : []),
    }),
    salesReport: build.mutation<Out<'reports.sales'>, CallInput<'reports.sales'>>({
      query: (input) => args('reports.sales', input),
      invalidatesTags: (result) => (result ? ['SalesReport'] : []),
    }),
    cachedSalesReport: build.query<Out<'reports.cachedSales'>, void>({ query: () => args('reports.cachedSales', {}), providesTags: ['SalesReport'] }),
    paymentProviderLastSync: build.query<Out<'paymentMethods.lastSync'>, void>({ query: () => args('paymentMethods.lastSync', {}), providesTags: ['ProviderSync'] }),
    userCredentials: build.query<Out<'users.credentials'>, void>({ query: () => args('users.credentials', {}), providesTags: ['Credentials'] }),
    setPassword: build.mutation<Out<'users.setPassword'>, CallInput<'users.setPassword'>>({
      query: (input) => args('users.setPassword', input),
      invalidatesTags: ['Credentials'],
    }),
    setPin: build.mutation<Out<'users.setPin'>, CallInput<'users.setPin'>>({ query: (input) => args('users.setPin', input), invalidatesTags: ['Credentials'] }),
    previewTemplate: build.mutation<Out<'templates.preview'>, CallInput<'templates.preview'>>({ query: (input) => args('templates.preview', input) }),
    resetTemplate: build.mutation<Out<'templates.reset'>, CallInput<'templates.reset'>>({
      query: (input) => args('templates.reset', input),
      invalidatesTags: [{ type: 'List', id: 'emailTemplates' }, 'Sync'],
    }),
    webhookKeychain: build.query<Out<'webhooks.keychain'>, void>({ query: () => args('webhooks.keychain', {}) }),
    inspectWebshopKey: build.mutation<Out<'webhooks.inspectKey'>, CallInput<'webhooks.inspectKey'>>({ query: (input) => args('webhooks.inspectKey', input) }),
    addWebhook: build.mutation<Out<'webhooks.add'>, CallInput<'webhooks.add'>>({
      query: (input) => args('webhooks.add', input),
      invalidatesTags: [{ type: 'List', id: 'webhooks' }, 'Sync'],
    }),
    removeWebhook: build.mutation<Out<'webhooks.remove'>, CallInput<'webhooks.remove'>>({
      query: (input) => args('webhooks.remove', input),
      invalidatesTags: [{ type: 'List', id: 'webhooks' }, 'Sync'],
    }),
    webhookDeliveries: build.query<Out<'webhooks.deliveries'>, CallInput<'webhooks.deliveries'>>({ query: (input) => args('webhooks.deliveries', input), keepUnusedDataFor: 0 }),
    connectWebhook: build.mutation<Out<'webhooks.connect'>, CallInput<'webhooks.connect'>>({
      query: (input) => args('webhooks.connect', input),
      invalidatesTags: [{ type: 'List', id: 'webhooks' }, 'Sync'],
    }),
    disconnectWebhook: build.mutation<Out<'webhooks.disconnect'>, CallInput<'webhooks.disconnect'>>({
      query: (input) => args('webhooks.disconnect', input),
      invalidatesTags: [{ type: 'List', id: 'webhooks' }, 'Sync'],
    }),
    syncStatus: build.query<Out<'sync.status'>, void>({ query: () => args('sync.status', {}), providesTags: ['Sync'] }),
    syncNow: build.mutation<Out<'sync.now'>, void>({ query: () => args('sync.now', {}), invalidatesTags: ['Sync', 'Settings', 'List', 'System'] }),
    pairCloud: build.mutation<Out<'sync.pair'>, CallInput<'sync.pair'>>({ query: (input) => args('sync.pair', input), invalidatesTags: ['Sync', 'System'] }),
    unpairCloud: build.mutation<Out<'sync.unpair'>, void>({ query: () => args('sync.unpair', {}), invalidatesTags: ['Sync', 'System'] }),
    joinShop: build.mutation<Out<'sync.pairNewWorkstation'>, CallInput<'sync.pairNewWorkstation'>>({ query: (input) => args('sync.pairNewWorkstation', input) }),
    firstPull: build.query<Out<'sync.firstPull'>, void>({ query: () => args('sync.firstPull', {}) }),
    conflicts: build.query<Out<'sync.conflicts'>, void>({ query: () => args('sync.conflicts', {}), providesTags: ['Sync'] }),
    resolveConflict: build.mutation<Out<'sync.resolveConflict'>, CallInput<'sync.resolveConflict'>>({
      query: (input) => args('sync.resolveConflict', input),
      invalidatesTags: (result) => (result === undefined ? [] : ['Sync', 'Settings', 'List']),
    }),
    rejectedChanges: build.query<Out<'sync.rejected'>, void>({ query: () => args('sync.rejected', {}), providesTags: ['Sync'] }),
    discardRejected: build.mutation<Out<'sync.discardRejected'>, CallInput<'sync.discardRejected'>>({ query: (input) => args('sync.discardRejected', input), invalidatesTags: ['Sync'] }),
    reviseRejected: build.mutation<Out<'sync.reviseRejected'>, CallInput<'sync.reviseRejected'>>({
      query: (input) => args('sync.reviseRejected', input),
      invalidatesTags: (result) => (result === undefined ? [] : ['Sync', 'Settings', 'List']),
    }),
    diagnostics: build.mutation<Out<'system.diagnostics'>, void>({ query: () => args('system.diagnostics', {}) }),
    testReceipt: build.mutation<Out<'printing.testReceipt'>, void>({ query: () => args('printing.testReceipt', {}) }),
    testCarrierConnection: build.mutation<Out<'carriers.testConnection'>, void>({ query: () => args('carriers.testConnection', {}) }),
    sendTestMail: build.mutation<Out<'mail.sendTest'>, CallInput<'mail.sendTest'>>({ query: (input) => args('mail.sendTest', input), invalidatesTags: ['Mail'] }),
    sendSampleMail: build.mutation<Out<'mail.sendSample'>, CallInput<'mail.sendSample'>>({ query: (input) => args('mail.sendSample', input), invalidatesTags: ['Mail'] }),
    sentMail: build.query<Out<'mail.list'>, void>({ query: () => args('mail.list', {}), providesTags: ['Mail'] }),
    resendMail: build.mutation<Out<'mail.resend'>, CallInput<'mail.resend'>>({ query: (input) => args('mail.resend', input), invalidatesTags: ['Mail'] }),
    discardMail: build.mutation<Out<'mail.discard'>, CallInput<'mail.discard'>>({ query: (input) => args('mail.discard', input), invalidatesTags: ['Mail'] }),
    paymentsSnapshot: build.query<Out<'payments.snapshot'>, void>({ query: () => args('payments.snapshot', {}), providesTags: ['Sync'] }),
    refreshPayments: build.mutation<Out<'payments.refresh'>, void>({ query: () => args('payments.refresh', {}) }),
    systemInfo: build.query<Out<'system.info'>, void>({ query: () => args('system.info', {}), providesTags: ['System', 'Sync'] }),
  }),
});

/** Puts a group as the back end answered it into the cached snapshot. */
export function patchGroup(group: string, state: Out<'settings.write'>) {
  return api.util.updateQueryData('settingsSnapshot', undefined, (snapshot) => {
    if (!(group in snapshot)) return;
    const { changed: _changed, ...stored } = state;
    snapshot[group] = stored;
  });
}

/** Puts one list item as the back end answered it into the cached list, where it already is. */
export function patchItem(collection: string, item: Out<'lists.update'>) {
  return api.util.updateQueryData('listItems', { collection }, (items) => {
    const index = items.findIndex((candidate) => candidate.id === item.id);
    if (index >= 0) items[index] = item;
  });
}

export const {
  useAppInfoQuery,
  usePolicyStateQuery,
  useAccessStateQuery,
  useSetupMutation,
  useSignInMutation,
  useSignOutMutation,
  useChangePasswordMutation,
  useCreateUserMutation,
  usePreferencesQuery,
  useSetPreferenceMutation,
  useSettingsSnapshotQuery,
  useWriteSettingsMutation,
  useFieldHistoryQuery,
  useUploadAttachmentMutation,
  useAttachmentQuery,
  useSecretStatusQuery,
  useSetSecretMutation,
  useClearSecretMutation,
  useSyncStatusQuery,
  useSyncNowMutation,
  usePairCloudMutation,
  useUnpairCloudMutation,
  useJoinShopMutation,
  useFirstPullQuery,
  useConflictsQuery,
  useResolveConflictMutation,
  useRejectedChangesQuery,
  useDiscardRejectedMutation,
  useReviseRejectedMutation,
  useSystemInfoQuery,
  usePaymentsSnapshotQuery,
  useTestReceiptMutation,
  useTestCarrierConnectionMutation,
  useSendTestMailMutation,
  useSendSampleMailMutation,
  useSentMailQuery,
  useResendMailMutation,
  useDiscardMailMutation,
  useDiagnosticsMutation,
  useListItemsQuery,
  useCreateItemMutation,
  useUpdateItemMutation,
  useRemoveItemMutation,
  useReorderItemsMutation,
  useSyncPaymentMethodsMutation,
  usePaymentProviderLastSyncQuery,
  useSalesReportMutation,
  useCachedSalesReportQuery,
  useUserCredentialsQuery,
  useSetPasswordMutation,
  useSetPinMutation,
  usePreviewTemplateMutation,
  useResetTemplateMutation,
  useInspectWebshopKeyMutation,
  useConnectWebhookMutation,
  useWebhookKeychainQuery,
  useDisconnectWebhookMutation,
  useAddWebhookMutation,
  useRemoveWebhookMutation,
  useWebhookDeliveriesQuery,
  useRefreshPaymentsMutation,
} = api;
