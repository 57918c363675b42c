import { fill, type Lang, type Text } from '../../../domain/text';

/** Why Verbinden or Ontkoppelen did not reach the webshop, said so the shop knows nothing changed. */
const words = {
  needsCloud: {
    nl: 'Verbinden en ontkoppelen hebben een verbinding met de cloud nodig: de cloud maakt de verbinding met de webshop. Koppel deze werkplek eerst in Systeeminformatie. Er is niets gewijzigd.',
    en: 'Connecting and disconnecting need a connection to the cloud: the cloud makes the call to the web shop. Pair this workstation in System information first. Nothing was changed.',
  },
  cloudUnreachable: {
    nl: 'Verbinden en ontkoppelen hebben een verbinding met de cloud nodig, en die is er nu niet ({detail}). Er is niets gewijzigd; probeer het opnieuw zodra de cloud bereikbaar is.',
    en: 'Connecting and disconnecting need a connection to the cloud, which is not there now ({detail}). Nothing was changed; try again once the cloud can be reached.',
  },
  unpaired: {
    nl: 'Deze werkplek is niet meer aan de cloud gekoppeld; koppel opnieuw in Systeeminformatie. Er is niets gewijzigd.',
    en: 'This workstation is no longer paired with the cloud; pair again in System information. Nothing was changed.',
  },
  tokenMissing: {
    nl: 'Het token van deze koppeling staat niet (meer) in de sleutelhanger. Verwijder de koppeling en voeg haar opnieuw toe met de API-sleutel van de webshop.',
    en: "This connection's token is not (or no longer) in the keychain. Remove the connection and add it again with the web shop's API key.",
  },
  refusedByCloud: {
    nl: 'De cloud weigert deze webhook-URL: {detail} Een adres in een privé- of lokaal netwerk mag alleen als de IT-beheerder en de cloud het toestaan.',
    en: 'The cloud refuses this webhook URL: {detail} An address in a private or local network is allowed only when IT and the cloud allow it.',
  },
  notInCloud: {
    nl: 'De cloud kent deze koppeling nog niet: de synchronisatie heeft haar niet kunnen afleveren. Kijk bij Conflicten en geweigerde wijzigingen.',
    en: 'The cloud does not know this connection yet: sync could not deliver it. See Conflicts and refused changes.',
  },
  publicUrlMissing: {
    nl: 'De cloud kan nog geen webshops verbinden: de beheerder van de cloud moet eerst het openbare adres van de cloud instellen (--public-url), het adres waarop de webshop de cloud bereikt. Er is niets gewijzigd.',
    en: "The cloud cannot connect web shops yet: the cloud's operator must first set the cloud's public address (--public-url), the address the web shop reaches the cloud on. Nothing was changed.",
  },
  cloudRefused: { nl: 'De cloud weigert: {detail}', en: 'The cloud refuses: {detail}' },
  mustDisconnectFirst: {
    nl: 'Deze koppeling is verbonden: ontkoppel haar eerst, zodat de webshop weet dat Backoffice geen berichten meer aanneemt.',
    en: 'This connection is connected: disconnect it first, so the web shop knows Backoffice no longer accepts its messages.',
  },
} as const satisfies Record<string, Text>;

export function webhookWords(key: keyof typeof words, lang: Lang, values: Record<string, string> = {}): string {
  return fill(words[key][lang], values);
}
