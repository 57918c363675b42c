import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import type { Failure } from '../../../domain/result';
import type { CallInput, CallName, CallOutput } from '../../../electron/api/table';
import { bridge } from '../bridge/backoffice';

export interface CallArgs {
  name: CallName;
  input: unknown;
}

/** Every request goes through window.backoffice.call; a refusal becomes RTK Query's error. */
const callBridge: BaseQueryFn<CallArgs, unknown, Failure> = async ({ name, input }, { dispatch }) => {
  try {
    const result = await bridge().call(name, input as never);
    // The session ended (idle, signed out elsewhere, role or password changed): back to sign-in.
    if (!result.ok && result.error.code === 'not_signed_in' && name !== 'access.state') dispatch(startApi.util.invalidateTags(['Access']));
    return result.ok ? { data: result.value } : { error: result.error };
  } catch (error) {
    return { error: { code: 'offline', message: (error as Error).message } };
  }
};

export const args = <K extends CallName>(name: K, input: CallInput<K>): CallArgs => ({ name, input });
export type Out<K extends CallName> = CallOutput<K>;

/**
 * The calls the screens drawn from the first script make: who is signed in, the preferences
 * (language, last section), signing in. Every other call is added to this table by api.ts, which
 * loads with the parts drawn after the first screen: RTK Query builds each endpoint's thunks,
 * selectors and hooks when it is declared, which for all of them was some 10 ms of the first
 * script's start on this machine.
 */
export const startApi = createApi({
  reducerPath: 'api',
  baseQuery: callBridge,
  tagTypes: ['Policy', 'Access', 'Settings', 'History', 'Secret', 'Preferences', 'Sync', 'System', 'List', 'Credentials', 'Mail', 'ProviderSync', 'SalesReport'],
  endpoints: (build) => ({
    accessState: build.query<Out<'access.state'>, void>({ query: () => args('access.state', {}), providesTags: ['Access'] }),
    signIn: build.mutation<Out<'access.signIn'>, CallInput<'access.signIn'>>({
      query: (input) => args('access.signIn', input),
      invalidatesTags: ['Access', 'Settings', 'Sync'],
    }),
    preferences: build.query<Out<'preferences.get'>, void>({ query: () => args('preferences.get', {}), providesTags: ['Preferences'] }),
    setPreference: build.mutation<Out<'preferences.set'>, CallInput<'preferences.set'>>({
      query: (input) => args('preferences.set', input),
      invalidatesTags: ['Preferences', 'Access'],
    }),
  }),
});

export const { useAccessStateQuery, useSignInMutation, usePreferencesQuery, useSetPreferenceMutation } = startApi;
