import type { BackofficeBridge } from '../../../electron/api/table';

/**
 * window.backoffice for the web host: the same calls as the desktop app's preload bridge, over
 * fetch to the local host. The launch token travels in an HttpOnly cookie set when the page was
 * first opened, so this code never sees it.
 */
export function createWebBridge(): BackofficeBridge {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let source: EventSource | null = null;
  const knownEvents = ['settings.changed', 'secrets.changed', 'sync.changed', 'records.changed', 'mail.changed', 'policy.changed'];

  /**
   * The event stream is opened by a signed-in session only (the host refuses it otherwise), so it
   * is opened again whenever who is signed in may have changed: after every access call.
   */
  function connectEvents(): void {
    if (listeners.size === 0) return;
    source?.close();
    source = new EventSource('./api/events');
    for (const name of knownEvents) {
      source.addEventListener(name, (event) => {
        const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
        for (const listener of listeners) listener(name, payload);
      });
    }
  }

  return {
    async call(name, input) {
      const response = await fetch(`./api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      if (response.status === 401) return { ok: false, error: { code: 'unauthorized', message: 'unauthorized' } };
      const result = await response.json();
      if (name.startsWith('access.')) connectEvents();
      return result;
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connectEvents();
      return () => listeners.delete(listener);
    },
  };
}
