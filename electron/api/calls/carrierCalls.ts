import { z } from 'zod';
import { call } from '../define';

export const carrierCalls = {
  /** Bestelling › Zendingen › Verbinding testen: the saved provider's answer to the key in the keychain, in the user's words. */
  'carriers.testConnection': call({
    input: z.object({}).strict(),
    permission: 'orders.edit',
    run: (_input, { services, lang }) => services.carriers.testConnection(lang),
  }),
};
