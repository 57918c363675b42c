/** Which fields a list's table shows, besides its title; the form shows them all. */
export const tableFields: Readonly<Record<string, readonly string[]>> = {
  paymentMethods: ['nameNl', 'providerOptionId', 'type', 'offeredOn', 'providerStatus'],
  shippingMethods: ['name', 'type', 'priceInclVat', 'vatRate', 'countries'],
  salesChannels: ['name', 'type', 'orderNumberPrefix', 'language', 'isDefault'],
  users: ['name', 'email', 'role'],
  emailTemplates: ['subjectNl'],
  webhooks: ['salesChannelId', 'webhookUrl', 'status', 'lastDeliveryAt', 'lastResponseCode'],
};

/** The on/off field a row can switch directly (the pencil's "activate / deactivate"). */
export const toggleField: Readonly<Record<string, string>> = {
  paymentMethods: 'active',
  shippingMethods: 'enabled',
  salesChannels: 'published',
  users: 'active',
  emailTemplates: 'enabled',
};
