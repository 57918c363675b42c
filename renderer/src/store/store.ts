import { configureStore } from '@reduxjs/toolkit';
import { setupListeners } from '@reduxjs/toolkit/query';
import { useDispatch, useSelector } from 'react-redux';
import { startApi } from './startApi';
import { ui } from './ui';

/** The one store: RTK Query's cache of every call (startApi.ts, api.ts) and what the screen is doing (ui.ts). Changes told by the main process are followed in liveUpdates.ts. */
export const store = configureStore({
  reducer: { [startApi.reducerPath]: startApi.reducer, ui: ui.reducer },
  middleware: (getDefault) => getDefault().concat(startApi.middleware),
});
setupListeners(store.dispatch);

export type RootState = ReturnType<typeof store.getState>;
export const useAppDispatch = useDispatch.withTypes<typeof store.dispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
