import type { CallOutput } from '../../../electron/api/table';
import { useSession } from '../app/useSession';
import { usePolicyStateQuery } from '../store/api';

/**
 * IT's policy as the forms need it: which fields are locked and which features are switched
 * off. The main process refuses both anyway; this only keeps the screen honest about it.
 */
type PolicyFeature = CallOutput<'policy.state'>['disabledFeatures'][number];

export function usePolicy() {
  const { session } = useSession();
  const { data } = usePolicyStateQuery(undefined, { skip: !session });
  return {
    state: data ?? null,
    isLocked: (group: string, field: string) => Object.hasOwn(data?.locked[group] ?? {}, field),
    isFeatureOff: (feature: PolicyFeature) => data?.disabledFeatures.includes(feature) ?? false,
  };
}
