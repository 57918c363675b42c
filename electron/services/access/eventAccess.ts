import { hasPermission, permissionFor } from '../../../domain/access/permissions';
import type { RoleId } from '../../../domain/lists/users';
import type { AppEvents, EventName } from '../events';

/**
 * Whether a signed-in role may hear of an event: only of what it may see. An event names who
 * changed what (user names, list names), so a window learns nothing through events that its
 * calls would refuse it.
 */
export function mayReceive<K extends EventName>(role: RoleId, name: K, payload: AppEvents[K]): boolean {
  const view = (key: string) => hasPermission(role, permissionFor(key, 'view'));
  switch (name) {
    case 'settings.changed':
      return view((payload as AppEvents['settings.changed']).group);
    case 'records.changed':
      return view((payload as AppEvents['records.changed']).collection);
    case 'secrets.changed': {
      const { purpose } = payload as AppEvents['secrets.changed'];
      if (purpose.startsWith('settings:')) return view(purpose.slice('settings:'.length, purpose.lastIndexOf('.')));
      // Stryker disable next-line MethodExpression,StringLiteral: webhooks and the system information are both Administrator-only technical areas (technicalAreas), so either key gives every role the same answer; the webhook key is named for when that changes.
      return view(purpose.startsWith('webhook:') ? 'webhooks' : 'system');
    }
    case 'mail.changed':
      // Stryker disable next-line StringLiteral: an unknown key falls back to the system information, Administrator-only like the e-mail settings, so every role gets the same answer.
      return view('email');
    default:
      return true;
  }
}
