import { z } from 'zod';
import type { documentKinds, StorekeeperPaymentsSnapshot } from '../../../domain/storekeeperPayments';

/**
 * StoreKeeper Payments' merchant API (Pay.nl underneath). Its root is configuration, so tests
 * and a proxy point it elsewhere. ASSUMED: StoreKeeper publishes no reference for this API that
 * was reachable from here; the path, the Bearer key and the field names below follow Pay.nl's
 * merchant vocabulary (merchant `M-…`, service `SL-…`, boarding status REGISTERED … OFFBOARDED)
 * and are the one place to change once the real reference is at hand.
 */
export const storekeeperPaymentsApi = 'https://payments.storekeeper.nl/api';

export interface SkPaymentsOptions {
  baseUrl: string;
  timeoutMs: number;
}

export type Overview = Omit<StorekeeperPaymentsSnapshot, 'fetchedAt'>;

export type OverviewAnswer =
  | { ok: true; overview: Overview }
  | { ok: false; reason: 'refused' | 'unknownMerchant' | 'unexpected'; status: number }
  | { ok: false; reason: 'unreachable' | 'timedOut'; status: null };

/** The provider's document types, as codes; the domain names them (and the screen says them in words). */
const documentTypes = {
  PAYMENT_AGREEMENT: 'paymentAgreement',
  UBO_FORM: 'uboForm',
  ID_COPY: 'idCopy',
  BANK_STATEMENT: 'bankStatement',
  ADDENDUM: 'addendum',
} as const satisfies Record<string, (typeof documentKinds)[number]>;

const merchantAnswer = z.object({
  merchant: z.object({
    code: z.string(),
    name: z.string(),
    status: z.enum(['ACTIVE', 'INACTIVE']),
    boardingStatus: z.enum(['REGISTERED', 'ONBOARDING', 'ACCEPTED', 'SUSPENDED', 'OFFBOARDED']),
    payoutStatus: z.enum(['ENABLED', 'DISABLED']),
    balance: z.object({ value: z.number().int(), currency: z.literal('EUR') }),
    clearingAccount: z.object({ iban: z.string(), owner: z.string() }).nullish(),
  }),
  documents: z.array(z.object({ type: z.enum(Object.keys(documentTypes) as [keyof typeof documentTypes]), status: z.enum(['REQUESTED', 'UPLOADED', 'ACCEPTED', 'DECLINED']) })),
  services: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      paymentMethods: z.array(z.object({ id: z.number().int(), name: z.string(), status: z.enum(['ACTIVE', 'INACTIVE']) })),
    }),
  ),
});

/** One GET with the account's key and a deadline; redirects are not followed, so the key never goes to another host. */
export async function readMerchantOverview(merchantId: string, apiKey: string, options: SkPaymentsOptions): Promise<OverviewAnswer> {
  const url = new URL(`v1/merchants/${encodeURIComponent(merchantId)}`, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  let response: Response;
  let body: unknown = null;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' }, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs) });
    body = await response.json().catch(() => null);
  } catch (error) {
    return { ok: false, reason: (error as Error).name === 'TimeoutError' ? 'timedOut' : 'unreachable', status: null };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, reason: 'refused', status: response.status };
  if (response.status === 404) return { ok: false, reason: 'unknownMerchant', status: 404 };
  const parsed = merchantAnswer.safeParse(body);
  if (response.status !== 200 || !parsed.success) return { ok: false, reason: 'unexpected', status: response.status };
  const { merchant, documents, services } = parsed.data;
  return {
    ok: true,
    overview: {
      merchant: {
        id: merchant.code,
        name: merchant.name,
        status: merchant.status,
        onboardingStatus: merchant.boardingStatus,
        payoutStatus: merchant.payoutStatus,
        balanceCents: merchant.balance.value,
        bankAccount: merchant.clearingAccount ? { iban: merchant.clearingAccount.iban.replace(/\s/g, '').toUpperCase(), holder: merchant.clearingAccount.owner } : null,
      },
      documents: documents.map((document) => ({ kind: documentTypes[document.type], status: document.status })),
      services: services.map((service) => ({ id: service.code, name: service.name, paymentMethods: service.paymentMethods.map((method) => ({ optionId: method.id, name: method.name, status: method.status })) })),
    },
  };
}
