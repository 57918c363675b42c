import { checkEmail } from '../../validators/email';
import { checkHostname, isLoopbackHost } from '../../validators/hostname';
import { integer, secret, select, text, toggle } from '../fields';
import type { GroupDef } from '../types';

export const emailSettings = {
  key: 'email',
  label: { nl: 'E-mailinstellingen', en: 'E-mail settings' },
  fields: [
    text('senderName', { nl: 'Naam afzender', en: 'Sender name' }, {
      help: { nl: 'Wat de klant als afzender ziet, meestal de winkelnaam.', en: 'What the customer sees as the sender, usually the shop name.' },
    }),
    text('senderAddress', { nl: 'E-mailadres afzender', en: 'Sender address' }, { check: checkEmail, input: 'email', policy: true }),
    text('replyTo', { nl: 'Antwoordadres', en: 'Reply-to address' }, { check: checkEmail, input: 'email' }),
    toggle('bccOwner', { nl: 'Kopie (BCC) naar eigenaar', en: 'Copy (BCC) to the owner' }, { default: false }),
    text('bccAddress', { nl: 'E-mailadres voor kopie', en: 'Address for the copy' }, {
      check: checkEmail, input: 'email', visibleIf: { field: 'bccOwner', in: [true] },
    }),
    text('smtpHost', { nl: 'SMTP-server', en: 'SMTP server' }, { check: checkHostname, policy: true }),
    integer('smtpPort', { nl: 'SMTP-poort', en: 'SMTP port' }, { default: 587, min: 1, max: 65_535, policy: true }),
    select('smtpSecurity', { nl: 'Beveiliging', en: 'Security' }, [
      { value: 'starttls', label: { nl: 'STARTTLS (poort 587)', en: 'STARTTLS (port 587)' } },
      { value: 'tls', label: { nl: 'SSL/TLS (poort 465)', en: 'SSL/TLS (port 465)' } },
      { value: 'none', label: { nl: 'Geen (alleen naar deze computer)', en: 'None (this computer only)' } },
    ], { default: 'starttls', policy: true }),
    text('smtpUser', { nl: 'SMTP-gebruikersnaam', en: 'SMTP user name' }, { policy: true }),
    secret('smtpPassword', { nl: 'SMTP-wachtwoord', en: 'SMTP password' }),
  ],
  rules: [
    {
      fields: ['bccOwner', 'bccAddress'],
      check: (values) => (values.bccOwner === true && values.bccAddress === '' ? { field: 'bccAddress', reason: 'required' } : null),
    },
    {
      // A password and customers' mail never cross a network unencrypted.
      fields: ['smtpSecurity', 'smtpHost'],
      check: (values) =>
        values.smtpSecurity === 'none' && values.smtpHost !== '' && !isLoopbackHost(String(values.smtpHost)) ? { field: 'smtpSecurity', reason: 'email.insecureHost' } : null,
    },
  ],
} as const satisfies GroupDef;
