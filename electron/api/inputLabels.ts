import type { Lang, Text } from '../../domain/text';

/**
 * The words a user reads for the parts of a request, so a refused request names what was wrong
 * by its label ("Lijst", "Wijzigingen") and never by an internal key ("collection", "changes").
 */
const labels: Readonly<Record<string, Text>> = {
  apiKey: { nl: 'API-sleutel', en: 'API key' },
  backOfficeName: { nl: 'Naam van de backoffice', en: 'Back-office name' },
  body: { nl: 'Tekst', en: 'Body' },
  changes: { nl: 'Wijzigingen', en: 'Changes' },
  choice: { nl: 'Keuze', en: 'Choice' },
  cloudUrl: { nl: 'Cloudadres', en: 'Cloud address' },
  code: { nl: 'Code', en: 'Code' },
  collection: { nl: 'Lijst', en: 'List' },
  currentPassword: { nl: 'Huidig wachtwoord', en: 'Current password' },
  data: { nl: 'Bestand', en: 'File' },
  detail: { nl: 'Toelichting', en: 'Detail' },
  email: { nl: 'E-mailadres', en: 'E-mail address' },
  field: { nl: 'Veld', en: 'Field' },
  firstDay: { nl: 'Van', en: 'From' },
  group: { nl: 'Instellingen', en: 'Settings' },
  hash: { nl: 'Bestand', en: 'File' },
  id: { nl: 'Onderdeel', en: 'Item' },
  ids: { nl: 'Volgorde', en: 'Order' },
  key: { nl: 'Voorkeur', en: 'Preference' },
  kind: { nl: 'Soort sjabloon', en: 'Template kind' },
  lastDay: { nl: 'Tot en met', en: 'Up to and including' },
  mutationId: { nl: 'Wijzigingsnummer', en: 'Change number' },
  name: { nl: 'Naam', en: 'Name' },
  newPassword: { nl: 'Nieuw wachtwoord', en: 'New password' },
  password: { nl: 'Wachtwoord', en: 'Password' },
  pin: { nl: 'PIN', en: 'PIN' },
  problem: { nl: 'Probleem', en: 'Problem' },
  purpose: { nl: 'Geheim', en: 'Secret' },
  salesChannelId: { nl: 'Verkoopkanaal', en: 'Sales channel' },
  subject: { nl: 'Onderwerp', en: 'Subject' },
  to: { nl: 'Ontvanger', en: 'Recipient' },
  userId: { nl: 'Gebruiker', en: 'User' },
  value: { nl: 'Waarde', en: 'Value' },
  values: { nl: 'Gegevens', en: 'Details' },
  variant: { nl: 'Taal van de tekst', en: 'Language of the text' },
};

const wholeRequest: Text = { nl: 'De opdracht', en: 'The request' };

/** The label of an input path: its first key's label, "De opdracht" for the request as a whole or an unknown key. */
export function inputLabel(path: readonly PropertyKey[], lang: Lang): string {
  const first = path[0];
  const label = typeof first === 'string' && Object.hasOwn(labels, first) ? labels[first] : undefined;
  return (label ?? wholeRequest)[lang];
}
