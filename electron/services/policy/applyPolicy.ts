import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { SettingsService } from '../settings/settingsService';
import type { PolicyService, PolicyState } from './policyService';

/** Who the history names for a value the policy set. */
export const policyActor = 'Beleid van uw organisatie';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Puts the policy's values into the store, now and after every policy change, so that printed
 * documents, e-mails and the cloud all use what IT fixed, and an idle timeout above the policy's
 * maximum comes down to it. Writes go through the settings service, so they are validated,
 * recorded in history and synced like any change.
 */
export function applyPolicy({ policy, settings, logger, events }: { policy: PolicyService; settings: SettingsService; logger: Logger; events: EventBus }) {
  function write(group: string, changes: Record<string, unknown>): void {
    const result = settings.writeGroup(group, changes, { by: policyActor, lang: 'nl' });
    if (!result.ok) {
      logger.warn('policy.notApplied', { group, fields: Object.keys(changes), reasons: (result.error.fields ?? []).map((error) => `${error.field}: ${error.reason}`) });
    }
  }

  function apply(state: PolicyState): void {
    for (const [group, fixed] of Object.entries(state.locked)) {
      const current = settings.readGroup(group);
      if (!current.ok) continue;
      const changes = Object.fromEntries(Object.entries(fixed).filter(([field, value]) => !same(current.value.values[field], value)));
      if (Object.keys(changes).length > 0) write(group, changes);
    }
    const max = state.maxIdleTimeoutMinutes;
    const backoffice = settings.readGroup('backoffice');
    if (max !== null && backoffice.ok && Number(backoffice.value.values.idleTimeoutMinutes) > max) write('backoffice', { idleTimeoutMinutes: max });
  }

  apply(policy.state());
  const stopWatchingPolicy = policy.onChange((state) => {
    apply(state);
    events.emit('policy.changed', {});
  });
  // Whatever else writes a group (a pull from the cloud, an import), the policy has the last word.
  const stopWatchingSettings = events.subscribe((name, payload) => {
    if (name !== 'settings.changed') return;
    const { group, by } = payload as { group: string; by: string };
    const state = policy.state();
    // A pull announces `*`: any group may have changed.
    const touched = (key: string) => group === '*' || group === key;
    if (by === policyActor) return;
    if (Object.keys(state.locked).some(touched) || (touched('backoffice') && state.maxIdleTimeoutMinutes !== null)) apply(state);
  });
  return () => {
    stopWatchingPolicy();
    stopWatchingSettings();
  };
}
