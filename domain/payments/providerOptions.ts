import { z } from 'zod';

/**
 * What the cloud answers when asked for the payment provider's configuration
 * (`GET /v1/payment-provider/options`): every payment option the provider has switched on for
 * the shop's services (Pay.nl sales locations), with the sales channels (by order number
 * prefix) whose service offers it. Shared by the cloud, which builds it, and the desktop, which
 * merges it into Betaalmethoden.
 */
export const providerOptionSchema = z.object({
  optionId: z.number().int().min(1).max(999_999),
  /** The provider's name in Dutch, and in English where it has one. */
  name: z.string().min(1).max(80),
  nameEn: z.string().min(1).max(80).nullable(),
  /** Order number prefixes of the sales channels whose provider service offers this option. */
  channels: z.array(z.string().min(1).max(6)).max(100),
});

export const providerConfigurationSchema = z.object({
  provider: z.literal('paynl'),
  fetchedAt: z.string(),
  services: z.array(z.object({ serviceId: z.string(), name: z.string().nullable(), channel: z.string().nullable() })).max(100),
  options: z.array(providerOptionSchema).max(1000),
});

export type ProviderOption = z.infer<typeof providerOptionSchema>;
export type ProviderConfiguration = z.infer<typeof providerConfigurationSchema>;

/** A Pay.nl service (sales location) id, as Pay.nl writes it: `SL-1234-5678`. */
export const payNlServiceId = /^SL-\d{4}-\d{4}$/;
/** A Pay.nl API token code: `AT-1234-5678`; the token itself is a 40-character hex string. */
export const payNlTokenCode = /^AT-\d{4}-\d{4}$/;
