import { describe, expect, it } from 'vitest';
import { decodeWebshopKey } from './webshopKey';

const content = { token: 'abcdef0123456789', webhook_url: 'https://shop.despaak.nl/storekeeper/webhook' };
const key = Buffer.from(JSON.stringify(content)).toString('base64');

describe('a webshop key as it is pasted', () => {
  it('is read when the paste split it over lines or padded it with spaces', () => {
    const pasted = ` ${key.slice(0, 20)}\n${key.slice(20, 40)}\r\n\t${key.slice(40)} `;
    expect(decodeWebshopKey(pasted)).toEqual({ ok: true, token: content.token, webhookUrl: content.webhook_url });
  });

  it('is refused as not base64 when it is too short, or has other text before or after it', () => {
    expect(decodeWebshopKey('eyJ0b2tlbiI6IjEy')).toEqual({ ok: false, reason: 'webhookKey.notJson' });
    expect(decodeWebshopKey('eyJ0b2tlbiI6IjE')).toEqual({ ok: false, reason: 'webhookKey.notBase64' });
    expect(decodeWebshopKey(`sleutel:${key}`)).toEqual({ ok: false, reason: 'webhookKey.notBase64' });
    expect(decodeWebshopKey(`${key}!`)).toEqual({ ok: false, reason: 'webhookKey.notBase64' });
  });
});
