import { fill, type Lang, type Text } from '../../../domain/text';
import type { CloudFailure } from '../sync/cloudClient';

const keptAsWas: Text = { nl: 'Het overzicht hieronder is het laatst opgehaalde.', en: 'The overview below is the one fetched last.' };

const words = {
  notPaired: {
    nl: 'StoreKeeper Payments wordt via de cloud opgehaald, en deze werkplek is niet aan een cloudaccount gekoppeld. Koppel haar in Systeeminformatie.',
    en: 'StoreKeeper Payments is fetched through the cloud, and this workstation is not paired with a cloud account. Pair it in System information.',
  },
  unpaired: {
    nl: 'Deze werkplek is niet meer aan de cloud gekoppeld; koppel opnieuw in Systeeminformatie.',
    en: 'This workstation is no longer paired with the cloud; pair again in System information.',
  },
  offline: { nl: 'Geen verbinding met de cloud ({detail}).', en: 'No connection to the cloud ({detail}).' },
  refused: { nl: 'De cloud weigert de vraag ({detail}).', en: 'The cloud refuses the request ({detail}).' },
} as const satisfies Record<string, Text>;

/** By the cloud's error code (cloud/routes/storekeeperPayments.ts), in words a shop owner can act on. */
const byCode: Readonly<Record<string, Text>> = {
  not_linked: {
    nl: 'De cloud heeft voor deze winkel nog geen StoreKeeper Payments-account (npm run cloud -- storekeeper-payments, zie de README).',
    en: 'The cloud has no StoreKeeper Payments account for this shop yet (npm run cloud -- storekeeper-payments, see the README).',
  },
  provider_refused: { nl: 'StoreKeeper Payments weigert de API-sleutel van de cloud.', en: "StoreKeeper Payments refuses the cloud's API key." },
  provider_unknown_merchant: { nl: 'StoreKeeper Payments kent de handelaar van deze winkel niet.', en: "StoreKeeper Payments does not know this shop's merchant." },
  provider_timeout: { nl: 'StoreKeeper Payments antwoordde de cloud niet op tijd.', en: 'StoreKeeper Payments did not answer the cloud in time.' },
  provider_unreachable: { nl: 'De cloud kan StoreKeeper Payments nu niet bereiken.', en: 'The cloud cannot reach StoreKeeper Payments now.' },
  provider_unexpected: { nl: 'StoreKeeper Payments gaf de cloud een onverwacht antwoord.', en: 'StoreKeeper Payments gave the cloud an unexpected answer.' },
};

export function skPaymentsWords(key: keyof typeof words, lang: Lang, values: Record<string, string> = {}): string {
  return fill(words[key][lang], values);
}

export function describeSkPaymentsFailure(failure: CloudFailure, lang: Lang): string {
  const code = 'code' in failure ? failure.code : undefined;
  const known = code ? byCode[code] : undefined;
  const reason = known
    ? known[lang]
    : failure.kind === 'unauthorized'
      ? skPaymentsWords('unpaired', lang)
      : failure.kind === 'temporary'
        ? skPaymentsWords('offline', lang, { detail: failure.message })
        : skPaymentsWords('refused', lang, { detail: failure.message });
  return `${reason} ${keptAsWas[lang]}`;
}
