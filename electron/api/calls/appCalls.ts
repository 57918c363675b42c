import { z } from 'zod';
import { failure, success } from '../../../domain/result';
import { describe as describeReason } from '../../../domain/messages';
import { preferenceSchemas } from '../../services/preferences/preferences';
import { call } from '../define';

export const appCalls = {
  /** Before sign-in too: the language to show the sign-in screen in, and the data folder's state. */
  'app.info': call({
    input: z.object({}),
    permission: 'public',
    run: (_input, { services }) => {
      const info = services.systemInfo.read();
      return success({ version: info.versions.app, host: info.host, language: services.preferences.get('language') });
    },
  }),
  /**
   * A window's own trouble (its code could not be fetched: the network, a build replaced under a
   * running window), written to the log that the diagnostics bundle carries to support. Public:
   * the app's code starts loading before sign-in. The detail is the browser's error text, bounded,
   * and so is how often a window is heard (services/windowProblems.ts).
   */
  'app.logProblem': call({
    input: z.object({ problem: z.enum(['codeNotLoaded']), detail: z.string().max(300) }),
    permission: 'public',
    activity: false,
    run: ({ problem, detail }, { services }) => {
      services.windowProblems.report(problem, detail);
      return success(null);
    },
  }),
  'preferences.get': call({
    input: z.object({}),
    permission: 'public',
    run: (_input, { services }) => success(services.preferences.all()),
  }),
  'preferences.set': call({
    input: z.discriminatedUnion('key', [
      z.object({ key: z.literal('language'), value: preferenceSchemas.language }),
      z.object({ key: z.literal('lastSection'), value: preferenceSchemas.lastSection }),
    ]),
    permission: 'public',
    run: ({ key, value }, { services, session, lang }) => {
      if (!services.preferences.set(key, value)) return failure({ code: 'invalid', message: describeReason('invalid', lang, { label: key }) });
      if (key === 'language' && session) services.access.setLanguage(session.id, value);
      return success(services.preferences.all());
    },
  }),
  /** The cached StoreKeeper Payments overview (null when never fetched), whether a refresh can be asked, and now (for its age). */
  'payments.snapshot': call({
    input: z.object({}),
    permission: 'payments.view',
    run: (_input, { services }) => success(services.storekeeperPayments.read()),
  }),
  /** Fetches StoreKeeper Payments again through the cloud; the cached overview stays when that fails. */
  'payments.refresh': call({
    input: z.object({}),
    permission: 'payments.view',
    run: (_input, { services, lang }) => services.storekeeperPayments.refresh(lang),
  }),
  /** Sends a test receipt to the receipt printer of Media-instellingen › Bonprinter. */
  'printing.testReceipt': call({
    input: z.object({}),
    permission: 'media.edit',
    run: (_input, { services, lang }) => services.receiptPrinter.testPrint(lang, services.clock.now()),
  }),
  /** The diagnostics bundle for support: system information, settings and the log's end; no secrets. */
  'system.diagnostics': call({
    input: z.object({}),
    permission: 'system.view',
    run: (_input, { services }) => success(services.diagnostics.bundle()),
  }),
  'system.info': call({
    input: z.object({}),
    permission: 'system.view',
    run: (_input, { services }) => success(services.systemInfo.read()),
  }),
};
