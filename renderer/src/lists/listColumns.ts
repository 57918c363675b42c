/** Which fields a list's table shows, besides its title; the form shows them all. */
export const tableFields: Readonly<Record<string, readonly string[]>> = {
  paymentMethods: ['nameNl', 'providerOptionId', 'type', 'offeredOn', 'providerStatus'],
  shippingMethods: ['name', 'type', 'priceInclVat', 'vatRate', 'countries'],
  salesChannels: ['name', 'type', 'orderNumberPrefix', 'language', 'isDefault'],
  users: ['name', 'email', 'role'],
  emailTemplates: ['subjectNl'],
  // A webhook's last delivery and its reason are columns of the Webhooks page itself (formatted, in words).
  webhooks: ['salesChannelId', 'webhookUrl', 'status', 'lastResponseCode'],
};

/** The on/off field a row can switch directly (the pencil's "activate / deactivate"). */
export const toggleField: Readonly<Record<string, string>> = {
  paymentMethods: 'active',
  shippingMethods: 'enabled',
  salesChannels: 'published',
  users: 'active',
  emailTemplates: 'enabled',
};

/**
 * Columns shown on one line, cut short with "…" (the whole value in the cell's title, in the edit
 * drawer and, for a webhook, in its delivery log's title): a webshop's webhook URL runs to 100
 * characters and would otherwise make its row eight lines high.
 */
export const oneLineFields: Readonly<Record<string, readonly string[]>> = {
  webhooks: ['webhookUrl'],
};

/**
 * Columns left out of the table below 1200 pixels (a 1024-pixel window), where the list's other
 * columns need the room; the value stays in the edit drawer. A sales channel's six columns, with
 * headers such as "Standaardkanaal" that cannot wrap, did not fit with its language; a webhook's
 * last response code is also in its Uitkomst ("Verbonden: de webshop antwoordde 200.").
 */
export const wideOnlyFields: Readonly<Record<string, readonly string[]>> = {
  salesChannels: ['language'],
  webhooks: ['lastResponseCode'],
};
