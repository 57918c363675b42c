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

/** Every code of the overview in words, so the screen never shows a raw status or document type. */
export const storekeeperPaymentsWords = {
  merchantStatus: {
    ACTIVE: { nl: 'Actief', en: 'Active' },
    INACTIVE: { nl: 'Niet actief', en: 'Inactive' },
  },
  onboardingStatus: {
    REGISTERED: { nl: 'Aangemeld, onboarding nog niet begonnen', en: 'Registered, onboarding not started yet' },
    ONBOARDING: { nl: 'Onboarding loopt', en: 'Onboarding in progress' },
    ACCEPTED: { nl: 'Geaccepteerd', en: 'Accepted' },
    SUSPENDED: { nl: 'Opgeschort', en: 'Suspended' },
    OFFBOARDED: { nl: 'Beëindigd', en: 'Offboarded' },
  },
  payoutStatus: {
    ENABLED: { nl: 'Uitbetalingen aan', en: 'Payouts on' },
    DISABLED: { nl: 'Uitbetalingen staan stil (tot de onboarding is afgerond)', en: 'Payouts on hold (until onboarding is complete)' },
  },
  documentKind: {
    paymentAgreement: { nl: 'Betaalovereenkomst', en: 'Payment agreement' },
    uboForm: { nl: 'UBO-formulier', en: 'UBO form' },
    idCopy: { nl: 'Kopie identiteitsbewijs', en: 'Copy of ID' },
    bankStatement: { nl: 'Bankafschrift', en: 'Bank statement' },
    addendum: { nl: 'Addendum', en: 'Addendum' },
  },
  documentStatus: {
    REQUESTED: { nl: 'Gevraagd, nog niet aangeleverd', en: 'Requested, not yet provided' },
    UPLOADED: { nl: 'Aangeleverd, wordt beoordeeld', en: 'Provided, under review' },
    ACCEPTED: { nl: 'Goedgekeurd', en: 'Approved' },
    DECLINED: { nl: 'Afgekeurd, opnieuw aanleveren', en: 'Declined, provide it again' },
  },
  methodStatus: {
    ACTIVE: { nl: 'Geactiveerd', en: 'Activated' },
    INACTIVE: { nl: 'Niet geactiveerd', en: 'Not activated' },
  },
} as const;
