import type { z } from 'zod';
import type { Result } from '../../domain/result';
import { defineTable } from './define';
import { accessCalls } from './calls/accessCalls';
import { appCalls } from './calls/appCalls';
import { listCalls } from './calls/listCalls';
import { mailCalls } from './calls/mailCalls';
import { templateCalls } from './calls/templateCalls';
import { webhookCalls } from './calls/webhookCalls';
import { secretCalls } from './calls/secretCalls';
import { settingsCalls } from './calls/settingsCalls';
import { syncCalls } from './calls/syncCalls';
import { policyCalls } from './calls/policyCalls';
import { carrierCalls } from './calls/carrierCalls';
import { reportCalls } from './calls/reportCalls';
import { attachmentCalls } from './calls/attachmentCalls';

/** The one table of calls the UI can make. Both hosts dispatch through it; nothing else is exposed. */
export const apiTable = defineTable(appCalls, accessCalls, settingsCalls, attachmentCalls, secretCalls, listCalls, templateCalls, webhookCalls, policyCalls, mailCalls, syncCalls, carrierCalls, reportCalls);

export type ApiTable = typeof apiTable;
export type CallName = keyof ApiTable & string;
export type CallInput<K extends CallName> = z.input<ApiTable[K]['input']>;
export type CallOutput<K extends CallName> = Awaited<ReturnType<ApiTable[K]['run']>> extends Result<infer O> ? O : never;

/** The bridge the renderer gets as `window.backoffice`, in Electron and in the web host alike. */
export interface BackofficeBridge {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  /** Server-pushed events (settings changed elsewhere, sync progress); returns unsubscribe. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** Desktop only: print the window to a printer (silently when one is chosen) or save it as PDF. */
  printing?: DesktopPrinting;
}

export interface DesktopPrinting {
  printers(): Promise<{ name: string; displayName: string }[]>;
  print(options: { silent: boolean; deviceName?: string }): Promise<{ ok: boolean; reason: string }>;
  savePdf(options: { fileName: string }): Promise<{ saved: boolean }>;
}
