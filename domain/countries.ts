import type { Option } from './settings/types';

/**
 * Countries a Dutch shop ships to or is based in, ISO 3166 alpha-2. The EU plus the nearby
 * non-EU countries; a shop further afield is rare enough to be added here when it appears.
 */
export const countries: readonly Option[] = [
  { value: 'NL', label: { nl: 'Nederland', en: 'Netherlands' } },
  { value: 'BE', label: { nl: 'België', en: 'Belgium' } },
  { value: 'DE', label: { nl: 'Duitsland', en: 'Germany' } },
  { value: 'LU', label: { nl: 'Luxemburg', en: 'Luxembourg' } },
  { value: 'FR', label: { nl: 'Frankrijk', en: 'France' } },
  { value: 'AT', label: { nl: 'Oostenrijk', en: 'Austria' } },
  { value: 'BG', label: { nl: 'Bulgarije', en: 'Bulgaria' } },
  { value: 'CY', label: { nl: 'Cyprus', en: 'Cyprus' } },
  { value: 'CZ', label: { nl: 'Tsjechië', en: 'Czechia' } },
  { value: 'DK', label: { nl: 'Denemarken', en: 'Denmark' } },
  { value: 'EE', label: { nl: 'Estland', en: 'Estonia' } },
  { value: 'ES', label: { nl: 'Spanje', en: 'Spain' } },
  { value: 'FI', label: { nl: 'Finland', en: 'Finland' } },
  { value: 'GR', label: { nl: 'Griekenland', en: 'Greece' } },
  { value: 'HR', label: { nl: 'Kroatië', en: 'Croatia' } },
  { value: 'HU', label: { nl: 'Hongarije', en: 'Hungary' } },
  { value: 'IE', label: { nl: 'Ierland', en: 'Ireland' } },
  { value: 'IT', label: { nl: 'Italië', en: 'Italy' } },
  { value: 'LT', label: { nl: 'Litouwen', en: 'Lithuania' } },
  { value: 'LV', label: { nl: 'Letland', en: 'Latvia' } },
  { value: 'MT', label: { nl: 'Malta', en: 'Malta' } },
  { value: 'PL', label: { nl: 'Polen', en: 'Poland' } },
  { value: 'PT', label: { nl: 'Portugal', en: 'Portugal' } },
  { value: 'RO', label: { nl: 'Roemenië', en: 'Romania' } },
  { value: 'SE', label: { nl: 'Zweden', en: 'Sweden' } },
  { value: 'SI', label: { nl: 'Slovenië', en: 'Slovenia' } },
  { value: 'SK', label: { nl: 'Slowakije', en: 'Slovakia' } },
  { value: 'GB', label: { nl: 'Verenigd Koninkrijk', en: 'United Kingdom' } },
  { value: 'CH', label: { nl: 'Zwitserland', en: 'Switzerland' } },
  { value: 'NO', label: { nl: 'Noorwegen', en: 'Norway' } },
];
