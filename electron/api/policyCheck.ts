import { describe as describeReason } from '../../domain/messages';
import { failure, type Result } from '../../domain/result';
import { findField, findGroup } from '../../domain/settings/catalogue';
import type { FieldError } from '../../domain/settings/validate';
import type { Lang } from '../../domain/text';
import { featureLabels, generalPolicies, type PolicyFeature } from '../services/policy/policyCatalogue';
import type { PolicyService } from '../services/policy/policyService';

/** The calls that use a feature IT can switch off; hiding the button is never the only guard. */
function featureOf(name: string, input: Record<string, unknown>): PolicyFeature | null {
  if (name === 'system.diagnostics') return 'diagnosticsExport';
  if (name === 'printing.testReceipt') return 'receiptPrinterTest';
  if (name === 'lists.create' && input.collection === 'users') return 'addUsers';
  return null;
}

function settingsRefusals(policy: PolicyService, group: string, changes: Record<string, unknown>, lang: Lang): FieldError[] {
  const def = findGroup(group);
  if (!def) return [];
  const errors: FieldError[] = [];
  for (const field of Object.keys(changes)) {
    const label = findField(def, field)?.label[lang] ?? field;
    if (policy.isLocked(group, field)) {
      errors.push({ field, reason: 'locked_by_policy', message: describeReason('locked_by_policy', lang, { label }) });
    }
    const max = policy.state().maxIdleTimeoutMinutes;
    if (group === 'backoffice' && field === 'idleTimeoutMinutes' && max !== null && Number(changes[field]) > max) {
      errors.push({ field, reason: 'policy.aboveMaximum', message: describeReason('policy.aboveMaximum', lang, { label, max }) });
    }
  }
  return errors;
}

/**
 * What IT's policy forbids, checked by dispatch after the permission and before the call runs:
 * a write to a locked field (code `locked_by_policy`, naming the field by its label) or the use
 * of a switched-off feature. Null when the policy allows the call.
 */
export function policyRefusal(policy: PolicyService, name: string, input: Record<string, unknown>, lang: Lang): Result<never> | null {
  const feature = featureOf(name, input);
  if (feature && policy.isFeatureOff(feature)) {
    return failure({ code: 'disabled_by_policy', message: describeReason('policy.featureOff', lang, { label: featureLabels[feature][lang] }) });
  }
  // Pairing (and any other call that names a cloud) may only name the cloud IT fixed.
  const lockedCloud = policy.state().cloudUrl;
  if (lockedCloud !== null && typeof input.cloudUrl === 'string' && input.cloudUrl.trim().replace(/\/+$/, '') !== lockedCloud) {
    const message = describeReason('locked_by_policy', lang, { label: generalPolicies.cloudUrl.label[lang] });
    return failure({ code: 'locked_by_policy', message, fields: [{ field: 'cloudUrl', reason: 'locked_by_policy', message }] });
  }
  if (name === 'settings.write' && typeof input.group === 'string' && typeof input.changes === 'object' && input.changes !== null) {
    const fields = settingsRefusals(policy, input.group, input.changes as Record<string, unknown>, lang);
    if (fields.length > 0) {
      const locked = fields.some((error) => error.reason === 'locked_by_policy');
      return failure({ code: locked ? 'locked_by_policy' : 'invalid', message: fields.map((error) => error.message).join(' '), fields });
    }
  }
  return null;
}
