import { bridge } from '../bridge/backoffice';
import { eventsResumed } from '../bridge/webBridge';
import type { CallOutput } from '../../../electron/api/table';
import { api, patchGroup, patchItem } from './api';
import { store } from './store';

type GroupChange = { group: string; state?: Omit<CallOutput<'settings.write'>, 'changed'> };
type ListChange = { collection: string; item?: CallOutput<'lists.update'>; removed?: string };

/**
 * Every committed write is told here, from this window or elsewhere (another window, the sync
 * engine). A change that carries the new state is patched into the cache; only one without it
 * (a pull, a change that touched several records) makes the window read again. When the web
 * host's stream (re)opens, changes made while it was closed were never told: read everything
 * the events would have patched, once. Followed from when the parts that show this data load
 * (shellParts.tsx imports this module): nothing before them holds any of it, and the first
 * screen does not wait for the stream to open.
 */
bridge().onEvent((name, payload) => {
  if (name === eventsResumed) store.dispatch(api.util.invalidateTags(['Settings', 'List', 'Sync', 'Secret', 'Policy', 'Mail']));
  if (name === 'records.changed') {
    const { collection, item, removed } = payload as ListChange;
    const cached = api.endpoints.listItems.select({ collection })(store.getState()).data;
    const known = item !== undefined && cached?.some((candidate) => candidate.id === item.id);
    if (item && known) store.dispatch(patchItem(collection, item));
    else if (removed !== undefined) store.dispatch(api.util.updateQueryData('listItems', { collection }, (items) => items.filter((candidate) => candidate.id !== removed)));
    else store.dispatch(api.util.invalidateTags([{ type: 'List', id: collection }]));
    store.dispatch(api.util.invalidateTags(['Sync']));
  }
  if (name === 'settings.changed') {
    const { group, state } = payload as GroupChange;
    if (state) store.dispatch(patchGroup(group, { ...state, changed: [] }));
    else store.dispatch(api.util.invalidateTags(['Settings']));
    store.dispatch(api.util.invalidateTags(['Sync']));
  }
  if (name === 'secrets.changed') store.dispatch(api.util.invalidateTags(['Secret']));
  if (name === 'policy.changed') store.dispatch(api.util.invalidateTags(['Policy', 'Settings']));
  if (name === 'sync.changed') store.dispatch(api.util.invalidateTags(['Sync']));
  if (name === 'mail.changed') store.dispatch(api.util.invalidateTags(['Mail']));
});
