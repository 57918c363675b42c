import type { BackofficeBridge } from '../../../electron/api/table';
import { createWebBridge } from './webBridge';

declare global {
  interface Window {
    /** Set by Electron's preload; in a browser the web host's bridge is installed instead. */
    backoffice?: BackofficeBridge;
  }
}

export function bridge(): BackofficeBridge {
  window.backoffice ??= createWebBridge();
  return window.backoffice;
}
