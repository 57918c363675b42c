import type { CloudFailure } from '../sync/cloudClient';
import { fill, type Lang, type Text } from '../../../domain/text';

const nothingChanged: Text = { nl: 'Er is niets veranderd aan de betaalmethoden.', en: 'Nothing was changed in the payment methods.' };

/** Why a provider sync did not happen, by the cloud's error code, in words a shop owner can act on. */
const byCode: Readonly<Record<string, Text>> = {
  provider_not_linked: {
    nl: 'De cloud heeft nog geen koppeling met Pay.nl voor deze winkel. Laat die instellen (npm run cloud -- payment-provider, zie de README).',
    en: 'The cloud has no Pay.nl link for this shop yet. Have it set up (npm run cloud -- payment-provider, see the README).',
  },
  provider_refused: {
    nl: 'Pay.nl weigert de API-token waarmee de cloud zich aanmeldt. Maak in Mijn Pay.nl een nieuwe token en stel de koppeling in de cloud opnieuw in.',
    en: 'Pay.nl refuses the API token the cloud signs in with. Make a new token in My Pay.nl and set the link in the cloud again.',
  },
  provider_unknown_service: {
    nl: 'Pay.nl kent een van de services (SL-…) van de koppeling niet. Controleer de service-id’s in de cloud.',
    en: 'Pay.nl does not know one of the services (SL-…) of the link. Check the service ids in the cloud.',
  },
  provider_timeout: { nl: 'Pay.nl antwoordde de cloud niet op tijd. Probeer het straks opnieuw.', en: 'Pay.nl did not answer the cloud in time. Try again later.' },
  provider_unreachable: { nl: 'De cloud kan Pay.nl nu niet bereiken. Probeer het straks opnieuw.', en: 'The cloud cannot reach Pay.nl now. Try again later.' },
  provider_unexpected: { nl: 'Pay.nl gaf de cloud een onverwacht antwoord. Probeer het straks opnieuw.', en: 'Pay.nl gave the cloud an unexpected answer. Try again later.' },
};

/** Pay.nl's own words after ours: "Service … not found" tells the manager which id to fix. */
const payNlSaid: Text = { nl: 'Pay.nl meldt: „{said}”{end}', en: 'Pay.nl says: “{said}”{end}' };

/**
 * What Pay.nl said about a refused provider sync, when the cloud passed it on as the error's
 * `detail` (already one plain line of at most 200 characters, cloudClient.ts); for the log and the message.
 */
export function payNlSaidIn(failure: CloudFailure): string | null {
  if (failure.kind === 'unauthorized' || !failure.code?.startsWith('provider_')) return null;
  return failure.detail ?? null;
}

export function describeSyncFailure(failure: CloudFailure, lang: Lang): string {
  const code = 'code' in failure ? failure.code : undefined;
  const known = code ? byCode[code] : undefined;
  const said = payNlSaidIn(failure);
  if (known) return [known[lang], said ? fill(payNlSaid[lang], { said, end: /[.!?]$/.test(said) ? '' : '.' }) : null, nothingChanged[lang]].filter(Boolean).join(' ');
  if (failure.kind === 'unauthorized') {
    return lang === 'nl'
      ? `De cloud kent deze werkplek niet meer: koppel hem opnieuw in Systeeminformatie. ${nothingChanged.nl}`
      : `The cloud no longer knows this workstation: pair it again in System information. ${nothingChanged.en}`;
  }
  if (failure.kind === 'temporary') {
    return lang === 'nl'
      ? `Geen verbinding met de cloud (${failure.message}). ${nothingChanged.nl} Probeer het opnieuw zodra er verbinding is.`
      : `No connection to the cloud (${failure.message}). ${nothingChanged.en} Try again once there is a connection.`;
  }
  return lang === 'nl' ? `De cloud weigert de vraag (${failure.message}). ${nothingChanged.nl}` : `The cloud refuses the request (${failure.message}). ${nothingChanged.en}`;
}
