import { z } from 'zod';

/**
 * StoreKeeper Payments as the cloud reports it (Pay.nl underneath). Read-only in Backoffice and
 * cached locally so it can be viewed offline, together with the moment it was fetched.
 */
const merchantId = z.string().regex(/^M-\d{4}-\d{4}$/);
const serviceId = z.string().regex(/^SL-\d{4}-\d{4}$/);

export const onboardingStatuses = ['REGISTERED', 'ONBOARDING', 'ACCEPTED', 'SUSPENDED', 'OFFBOARDED'] as const;
export const documentKinds = ['paymentAgreement', 'uboForm', 'idCopy', 'bankStatement', 'addendum'] as const;

export const storekeeperPaymentsSnapshot = z.object({
  fetchedAt: z.iso.datetime(),
  merchant: z.object({
    id: merchantId,
    name: z.string(),
    status: z.enum(['ACTIVE', 'INACTIVE']),
    onboardingStatus: z.enum(onboardingStatuses),
    payoutStatus: z.enum(['ENABLED', 'DISABLED']),
    balanceCents: z.number().int(),
    bankAccount: z.object({ iban: z.string(), holder: z.string() }).nullable(),
  }),
  documents: z.array(
    z.object({ kind: z.enum(documentKinds), status: z.enum(['REQUESTED', 'UPLOADED', 'ACCEPTED', 'DECLINED']) }),
  ),
  services: z.array(
    z.object({
      id: serviceId,
      name: z.string(),
      paymentMethods: z.array(z.object({ optionId: z.number().int(), name: z.string(), status: z.enum(['ACTIVE', 'INACTIVE']) })),
    }),
  ),
});

export type StorekeeperPaymentsSnapshot = z.infer<typeof storekeeperPaymentsSnapshot>;
