import { configureStore } from '@reduxjs/toolkit';
import { setupListeners } from '@reduxjs/toolkit/query';
import { useDispatch, useSelector } from 'react-redux';
import { bridge } from '../bridge/backoffice';
import { api } from './api';
import { ui } from './ui';

export const store = configureStore({
  reducer: { [api.reducerPath]: api.reducer, ui: ui.reducer },
  middleware: (getDefault) => getDefault().concat(api.middleware),
});
setupListeners(store.dispatch);

/** Changes made elsewhere (another window, the sync engine) refresh what this window shows. */
bridge().onEvent((name, payload) => {
  if (name === 'records.changed') {
    const { collection } = payload as { collection: string };
    store.dispatch(api.util.invalidateTags([{ type: 'List', id: collection }, 'Sync']));
  }
  if (name === 'settings.changed') store.dispatch(api.util.invalidateTags(['Settings', 'Sync']));
  if (name === 'secrets.changed') store.dispatch(api.util.invalidateTags(['Secret']));
  if (name === 'policy.changed') store.dispatch(api.util.invalidateTags(['Policy', 'Settings']));
  if (name === 'sync.changed') store.dispatch(api.util.invalidateTags(['Sync']));
  if (name === 'mail.changed') store.dispatch(api.util.invalidateTags(['Mail']));
});

export type RootState = ReturnType<typeof store.getState>;
export const useAppDispatch = useDispatch.withTypes<typeof store.dispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
