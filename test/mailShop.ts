import type { Backoffice } from '../electron/services/backoffice';

export const smtpUser = 'winkel';
export const smtpPassword = 'geheim-wachtwoord';
export const actor = { by: 'Anna de Vries', lang: 'nl' as const };

/** The values of a "Klaar om op te halen" mail for order S4-2, as an order fills them in. */
export const pickupValues: Readonly<Record<string, string>> = {
  'shop.name': 'De Spaak',
  'shop.email': 'info@despaak.nl',
  'shop.phone': '030 123 4567',
  'shop.address': 'Oudegracht 12',
  'customer.name': 'Zoë',
  'customer.email': 'zoe@example.nl',
  'order.number': 'S4-2',
  'order.date': '28 november 2026',
  'order.total': '€ 10,00',
  'order.url': 'https://despaak.nl/S4-2',
};

/** A 1×1 PNG and a minimal PDF, uploaded as a user would (into the blobs table) before the settings name them. */
export const logoPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const termsPdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

/**
 * A shop set up to mail through the test SMTP server on 127.0.0.1: E-mailinstellingen with
 * STARTTLS and a user, the password in the keychain, a logo, and the terms as a PDF.
 */
export async function configureMailShop(app: Backoffice, port: number, overrides: Record<string, unknown> = {}): Promise<void> {
  const { settings, secrets } = app.services;
  const write = (group: string, changes: Record<string, unknown>) => {
    const result = settings.writeGroup(group, changes, actor);
    if (!result.ok) throw new Error(`${group}: ${JSON.stringify(result.error)}`);
  };
  const upload = (group: string, field: string, name: string, bytes: Buffer) => {
    const result = app.services.attachments.upload({ group, field, name, bytes }, 'nl');
    if (!result.ok) throw new Error(`${group}.${field}: ${result.error.message}`);
    return result.value;
  };
  write('company.general', { companyName: 'Fietsenwinkel Zoë', logo: upload('company.general', 'logo', 'logo.png', logoPng) });
  write('orders.terms', { generalTermsFormat: 'pdf', generalTermsPdf: upload('orders.terms', 'generalTermsPdf', 'voorwaarden.pdf', termsPdf) });
  write('email', {
    senderName: 'Fietsenwinkel Zoë',
    senderAddress: 'winkel@despaak.nl',
    replyTo: 'klantenservice@despaak.nl',
    bccOwner: true,
    bccAddress: 'eigenaar@despaak.nl',
    smtpHost: 'localhost',
    smtpPort: port,
    smtpSecurity: 'starttls',
    smtpUser,
    ...overrides,
  });
  const stored = await secrets.set('settings:email.smtpPassword', smtpPassword);
  if (!stored.ok) throw new Error(`keychain: ${stored.error.message}`);
}
