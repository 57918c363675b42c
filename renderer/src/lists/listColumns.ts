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
