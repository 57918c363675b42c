import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import type { Failure } from '../../../domain/result';
import type { CallInput, CallName, CallOutput } from '../../../electron/api/table';
import { bridge } from '../bridge/backoffice';

export interface CallArgs {
  name: CallName;
  input: unknown;
}

/** Every request goes through window.backoffice.call; a refusal becomes RTK Query's error. */
const callBridge: BaseQueryFn<CallArgs, unknown, Failure> = async ({ name, input }) => {
  try {
    const result = await bridge().call(name, input as never);
    return result.ok ? { data: result.value } : { error: result.error };
  } catch (error) {
    return { error: { code: 'offline', message: (error as Error).message } };
  }
};

const args = <K extends CallName>(name: K, input: CallInput<K>): CallArgs => ({ name, input });
type Out<K extends CallName> = CallOutput<K>;

export const api = createApi({
  reducerPath: 'api',
  baseQuery: callBridge,
  tagTypes: ['Access', 'Settings', 'Secret', 'Preferences', 'Sync', 'System'],
  endpoints: (build) => ({
    appInfo: build.query<Out<'app.info'>, void>({ query: () => args('app.info', {}) }),
    accessState: build.query<Out<'access.state'>, void>({ query: () => args('access.state', {}), providesTags: ['Access'] }),
    setup: build.mutation<Out<'access.setup'>, CallInput<'access.setup'>>({
      query: (input) => args('access.setup', input),
      invalidatesTags: ['Access', 'Settings'],
    }),
    signIn: build.mutation<Out<'access.signIn'>, CallInput<'access.signIn'>>({
      query: (input) => args('access.signIn', input),
      invalidatesTags: ['Access', 'Settings', 'Sync'],
    }),
    signOut: build.mutation<Out<'access.signOut'>, void>({ query: () => args('access.signOut', {}), invalidatesTags: ['Access'] }),
    preferences: build.query<Out<'preferences.get'>, void>({ query: () => args('preferences.get', {}), providesTags: ['Preferences'] }),
    setPreference: build.mutation<Out<'preferences.set'>, CallInput<'preferences.set'>>({
      query: (input) => args('preferences.set', input),
      invalidatesTags: ['Preferences', 'Access'],
    }),
    settingsSnapshot: build.query<Out<'settings.snapshot'>, void>({ query: () => args('settings.snapshot', {}), providesTags: ['Settings'] }),
    writeSettings: build.mutation<Out<'settings.write'>, CallInput<'settings.write'>>({
      query: (input) => args('settings.write', input),
      invalidatesTags: ['Settings', 'Sync'],
    }),
    fieldHistory: build.query<Out<'settings.history'>, CallInput<'settings.history'>>({
      query: (input) => args('settings.history', input),
      providesTags: ['Settings'],
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
    syncStatus: build.query<Out<'sync.status'>, void>({ query: () => args('sync.status', {}), providesTags: ['Sync'] }),
    systemInfo: build.query<Out<'system.info'>, void>({ query: () => args('system.info', {}), providesTags: ['System', 'Sync'] }),
  }),
});

export const {
  useAppInfoQuery,
  useAccessStateQuery,
  useSetupMutation,
  useSignInMutation,
  useSignOutMutation,
  usePreferencesQuery,
  useSetPreferenceMutation,
  useSettingsSnapshotQuery,
  useWriteSettingsMutation,
  useFieldHistoryQuery,
  useSecretStatusQuery,
  useSetSecretMutation,
  useClearSecretMutation,
  useSyncStatusQuery,
  useSystemInfoQuery,
} = api;
