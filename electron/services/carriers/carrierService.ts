import { failure, success, type Result } from '../../../domain/result';
import { ordersShipping } from '../../../domain/settings/groups/orders';
import type { Lang } from '../../../domain/text';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secretStore';
import type { SettingsService } from '../settings/settingsService';
import { describeOutcome, providerNames, type ProviderId } from './connectionWords';
import { myParcelApi, testMyParcelKey } from './myParcel';
import type { ConnectionOutcome } from './providerRequest';
import { testVeloydKey, veloydApi, veloydTestApi } from './veloyd';

/** Where each provider's API lives; the defaults are the public ones, tests and self-hosted proxies set their own. */
export interface CarrierEndpoints {
  myParcelUrl?: string;
  veloydUrl?: string;
  veloydTestUrl?: string;
  /** How long the user waits on "Verbinding testen" at most. */
  timeoutMs?: number;
}

export const apiKeyPurpose = 'settings:orders.shipping.providerApiKey';

export interface ConnectionAnswer {
  provider: ProviderId;
  accepted: boolean;
  /** The provider's HTTP status, or null when no answer came. */
  status: number | null;
  message: string;
}

const labelOf = (key: string, lang: Lang) => ordersShipping.fields.find((field) => field.key === key)?.label[lang] ?? key;

export interface CarrierDeps {
  settings: Pick<SettingsService, 'get'>;
  secrets: SecretStore;
  logger: Logger;
  endpoints?: CarrierEndpoints;
}

/**
 * Bestelling › Zendingen › Verbinding testen: the saved provider and the key from the keychain,
 * tried against the provider's API. The key goes into one request header and nowhere else: not
 * into the answer, the log or the store.
 */
export function createCarrierService({ settings, secrets, logger, endpoints = {} }: CarrierDeps) {
  const timeoutMs = endpoints.timeoutMs ?? 15_000;

  function baseUrlOf(provider: ProviderId, veloydTestMode: boolean): string {
    if (provider === 'myparcel') return endpoints.myParcelUrl ?? myParcelApi;
    return veloydTestMode ? (endpoints.veloydTestUrl ?? veloydTestApi) : (endpoints.veloydUrl ?? veloydApi);
  }

  return {
    async testConnection(lang: Lang): Promise<Result<ConnectionAnswer>> {
      const shipping = settings.get('orders.shipping');
      const provider = shipping.provider;
      if (provider !== 'myparcel' && provider !== 'veloyd') {
        const message = lang === 'nl' ? `Kies eerst een ${labelOf('provider', lang).toLowerCase()} en sla die op.` : `Choose a ${labelOf('provider', lang).toLowerCase()} first and save it.`;
        return failure({ code: 'not_configured', message });
      }
      const status = await secrets.status(apiKeyPurpose, lang);
      if (!status.ok) return status;
      const key = status.value.set ? await secrets.reveal(apiKeyPurpose) : success(null);
      if (!key.ok) return key;
      if (key.value === null) {
        const label = labelOf('providerApiKey', lang);
        return failure({ code: 'not_configured', message: lang === 'nl' ? `${label} is nog niet ingesteld.` : `${label} has not been set yet.` });
      }

      const baseUrl = baseUrlOf(provider, shipping.veloydTestMode);
      if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
        // Only a host's configuration (BACKOFFICE_MYPARCEL_URL and the like) can put a bad address here.
        logger.warn('carriers.badBaseUrl', { provider });
        const message = lang === 'nl' ? `Het adres van de API van ${providerNames[provider]} in de configuratie is geen http(s)-adres.` : `The address of the ${providerNames[provider]} API in the configuration is not an http(s) address.`;
        return failure({ code: 'not_configured', message });
      }
      const options = { baseUrl, timeoutMs };
      const result: ConnectionOutcome = provider === 'myparcel' ? await testMyParcelKey(key.value, options) : await testVeloydKey(key.value, options);
      const answerStatus = 'status' in result ? result.status : null;
      logger.info('carriers.connectionTested', { provider, outcome: result.outcome, status: answerStatus });
      return success({
        provider,
        accepted: result.outcome === 'accepted',
        status: answerStatus,
        message: describeOutcome(result, provider, lang, { host: new URL(baseUrl).host, seconds: Math.round(timeoutMs / 1000) }),
      });
    },
  };
}

export type CarrierService = ReturnType<typeof createCarrierService>;
