import { fill, type Lang, type Text } from '../../../domain/text';

/** What pairing and conflict handling tell a person, in both UI languages, naming the field. */
const messages = {
  'cloudUrl.invalid': { nl: 'Cloudadres: vul een volledig adres in, zoals https://cloud.uwwinkel.nl.', en: 'Cloud address: enter a full address, such as https://cloud.yourshop.com.' },
  'cloudUrl.not_https': {
    nl: 'Cloudadres: gebruik https://. Alleen een cloud op deze computer (127.0.0.1 of localhost) mag http:// gebruiken.',
    en: 'Cloud address: use https://. Only a cloud on this computer (127.0.0.1 or localhost) may use http://.',
  },
  'cloudUrl.credentials': { nl: 'Cloudadres: een adres met een gebruikersnaam of wachtwoord erin wordt niet gebruikt.', en: 'Cloud address: an address with a user name or password in it is not used.' },
  'cloudUrl.has_query': { nl: 'Cloudadres: laat het deel na ? of # weg.', en: 'Cloud address: leave out the part after ? or #.' },
  'pairingCode.required': { nl: 'Koppelcode: vul de code in die de cloud gaf (minstens 6 tekens).', en: 'Pairing code: enter the code the cloud gave (at least 6 characters).' },
  'pairingCode.refused': {
    nl: 'Koppelcode: de cloud kent deze code niet of hij is al gebruikt. Vraag een nieuwe code aan. ({detail})',
    en: 'Pairing code: the cloud does not know this code or it was used already. Ask for a new code. ({detail})',
  },
  'pair.unreachable': { nl: 'Koppelen lukte niet: {detail}. Er is niets gewijzigd.', en: 'Pairing failed: {detail}. Nothing was changed.' },
  'pair.already': {
    nl: 'Deze werkplek is al gekoppeld aan {shop}. Ontkoppel eerst als u aan een andere winkel wilt koppelen.',
    en: 'This workstation is already paired with {shop}. Unpair first to pair with another shop.',
  },
  'pair.otherShop': {
    nl: 'Deze werkplek hoorde bij een andere winkel ({shop}). Koppel alleen een nieuwe werkplek aan een andere winkel.',
    en: 'This workstation belonged to another shop ({shop}). Only a new workstation can be paired with another shop.',
  },
  'pair.notFresh': {
    nl: 'Deze werkplek is al ingericht. Koppelen aan een bestaande winkel kan alleen op een nieuwe werkplek; gebruik Systeeminformatie › Koppelen aan de cloud.',
    en: 'This workstation is set up already. Pairing with an existing shop is only for a new workstation; use System information › Pair with the cloud.',
  },
  'pair.notPaired': { nl: 'Deze werkplek is niet gekoppeld aan een cloud.', en: 'This workstation is not paired with a cloud.' },
  'conflict.unknown': { nl: 'Dit conflict bestaat niet of is al opgelost.', en: 'This conflict does not exist or was resolved already.' },
  'rejected.credential': {
    nl: 'Een geweigerd wachtwoord of PIN kan hier niet aangepast worden: stel het opnieuw in bij Systeemgebruikers.',
    en: 'A refused password or PIN cannot be corrected here: set it again under System users.',
  },
  'rejected.unknown': { nl: 'Deze geweigerde wijziging bestaat niet (meer).', en: 'This refused change does not exist (any more).' },
} satisfies Record<string, Text>;

export type SyncMessage = keyof typeof messages;

export function syncMessage(key: SyncMessage, lang: Lang, values: Record<string, string | number> = {}): string {
  return fill(messages[key][lang], values);
}
