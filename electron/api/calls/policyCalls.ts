import { z } from 'zod';
import { success } from '../../../domain/result';
import { call } from '../define';

export const policyCalls = {
  /**
   * IT's policy as it stands: locked fields (the forms show them locked), switched-off features
   * (their buttons are hidden), and for Systeeminformatie the sources and any ignored entries.
   */
  'policy.state': call({
    input: z.object({}),
    permission: 'session',
    run: (_input, { services }) => success(services.policy.state()),
  }),
};
