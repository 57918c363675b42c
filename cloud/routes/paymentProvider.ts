import type { FastifyInstance } from 'fastify';
import type { ProviderConfiguration, ProviderOption } from '../../domain/payments/providerOptions';
import { HttpError } from '../httpError';
import { payNlApi, readServiceConfig } from '../providers/paynl/payNlAdapter';
import { readProviderLink } from '../providers/paynl/providerLink';
import type { CloudContext } from '../server';

export interface PaymentProviderConfig {
  /** Pay.nl's API root; tests point it at a stand-in on 127.0.0.1. */
  payNlUrl?: string;
  timeoutMs?: number;
}

/**
 * `GET /v1/payment-provider/options`: the payment options the shop's Pay.nl services offer now,
 * for [Sync betalingsprovider]. The provider is asked outside any database transaction, so a
 * slow provider holds no connection. Any service failing fails the whole answer: a partial list
 * would make the desktop mark the missing options as dropped.
 */
export function registerPaymentProviderRoutes(app: FastifyInstance, cloud: CloudContext, config: PaymentProviderConfig = {}) {
  const options = { baseUrl: config.payNlUrl ?? payNlApi, timeoutMs: config.timeoutMs ?? 15_000 };

  app.get('/v1/payment-provider/options', async (request): Promise<ProviderConfiguration> => {
    const link = await cloud.asDevice(request, (tx, device) => readProviderLink(tx, device.shopId));
    if (!link) throw new HttpError(409, 'provider_not_linked', 'This shop has no payment provider linked in the cloud yet.');

    const byOption = new Map<number, ProviderOption>();
    const services: ProviderConfiguration['services'] = [];
    for (const service of link.services) {
      const answer = await readServiceConfig(service.serviceId, link, options);
      if (!answer.ok) {
        if (answer.reason === 'timedOut') throw new HttpError(504, 'provider_timeout', `Pay.nl did not answer within ${Math.round(options.timeoutMs / 1000)} s.`);
        if (answer.reason === 'unreachable') throw new HttpError(502, 'provider_unreachable', 'Pay.nl cannot be reached from the cloud.');
        // What Pay.nl said goes beside the message as the error's `detail`: the manager sees it, the workstation logs it.
        const said = answer.detail ?? undefined;
        if (answer.reason === 'refused') throw new HttpError(502, 'provider_refused', `Pay.nl refuses the cloud's API token (HTTP ${answer.status}).`, said);
        if (answer.reason === 'unknownService') throw new HttpError(502, 'provider_unknown_service', `Pay.nl does not know service ${service.serviceId} for this token.`, said);
        throw new HttpError(502, 'provider_unexpected', `Pay.nl gave an unexpected answer (HTTP ${answer.status}).`, said);
      }
      services.push({ serviceId: service.serviceId, name: answer.serviceName, channel: service.channel });
      for (const option of answer.options) {
        const known = byOption.get(option.optionId) ?? { ...option, channels: [] };
        if (service.channel !== null && !known.channels.includes(service.channel)) known.channels.push(service.channel);
        byOption.set(option.optionId, known);
      }
    }
    return { provider: 'paynl', fetchedAt: cloud.now().toISOString(), services, options: [...byOption.values()] };
  });
}
