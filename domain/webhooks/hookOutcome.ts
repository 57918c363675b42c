import { fill, type Lang, type Text } from '../text';

/**
 * A webshop's answer to Verbinden or Ontkoppelen in words. The cloud records a connection's last
 * answer as its status, response code and a problem code (`tokenRefused`, `failed`,
 * `noAnswer:10`, `unreachable:ECONNREFUSED`); the screen and the api say it with these.
 */
export interface HookAnswer {
  status: string;
  responseCode: string | number | null;
  problem: string | null;
}

const words = {
  connected: { nl: 'Verbonden: de webshop antwoordde {code}.', en: 'Connected: the web shop answered {code}.' },
  tokenRefused: {
    nl: 'Mislukt: de webshop weigert het token (401), het hoort niet bij deze webshop. Vraag in de webshop een nieuwe API-sleutel op en voeg de koppeling opnieuw toe.',
    en: 'Failed: the web shop refuses the token (401); it does not belong to this web shop. Get a new API key from the web shop and add the connection again.',
  },
  failed: { nl: 'Mislukt: de webshop antwoordde met code {code}.', en: 'Failed: the web shop answered with code {code}.' },
  noAnswer: { nl: 'Mislukt: geen antwoord binnen {seconds} s.', en: 'Failed: no answer within {seconds} s.' },
  unreachable: { nl: 'Mislukt: de webshop is niet bereikbaar ({cause}).', en: 'Failed: the web shop cannot be reached ({cause}).' },
  blocked: {
    nl: 'Mislukt: de Webhook-URL wijst naar {address}, een adres waar de cloud niet naartoe stuurt.',
    en: 'Failed: the webhook URL points to {address}, an address the cloud does not deliver to.',
  },
  urlChanged: {
    nl: 'Mislukt: de Webhook-URL is gewijzigd terwijl de webshop antwoordde; het nieuwe adres is niet benaderd. Kies opnieuw Verbinden.',
    en: 'Failed: the webhook URL was changed while the web shop was answering; the new address was not contacted. Choose Connect again.',
  },
  disconnected: { nl: 'Niet verbonden.', en: 'Not connected.' },
  disconnectedUntold: {
    nl: 'Ontkoppeld, maar de webshop kreeg het bericht niet: {reason} De cloud neemt geen berichten van deze webshop meer aan.',
    en: 'Disconnected, but the web shop did not get the message: {reason} The cloud no longer accepts messages from this web shop.',
  },
} as const satisfies Record<string, Text>;

/** What went wrong, without the status in front: the sentence after "Mislukt:". */
function problemWords(problem: string, code: string, lang: Lang): string {
  const [kind, ...rest] = problem.split(':');
  const detail = rest.join(':');
  if (kind === 'tokenRefused') return words.tokenRefused[lang];
  if (kind === 'noAnswer') return fill(words.noAnswer[lang], { seconds: detail.replace('.', lang === 'nl' ? ',' : '.') });
  if (kind === 'unreachable') return fill(words.unreachable[lang], { cause: detail || '?' });
  if (kind === 'blocked') return fill(words.blocked[lang], { address: detail || '?' });
  if (kind === 'urlChanged') return words.urlChanged[lang];
  return fill(words.failed[lang], { code });
}

export function describeHookAnswer(answer: HookAnswer, lang: Lang): string {
  const code = answer.responseCode === null ? '—' : String(answer.responseCode);
  if (answer.status === 'connected') return fill(words.connected[lang], { code });
  if (answer.status === 'disconnected') {
    if (answer.problem === null) return words.disconnected[lang];
    return fill(words.disconnectedUntold[lang], { reason: problemWords(answer.problem, code, lang) });
  }
  return answer.problem === null ? fill(words.failed[lang], { code }) : problemWords(answer.problem, code, lang);
}
