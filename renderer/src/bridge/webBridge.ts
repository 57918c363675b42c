import type { BackofficeBridge } from '../../../electron/api/table';

/**
 * window.backoffice for the web host: the same calls as the desktop app's preload bridge, over
 * fetch to the local host. The launch token travels in an HttpOnly cookie set when the page was
 * first opened, so this code never sees it.
 */
export function createWebBridge(): BackofficeBridge {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let source: EventSource | null = null;
  const knownEvents = ['settings.changed', 'secrets.changed', 'sync.changed', 'records.changed', 'mail.changed'];

  function connectEvents(): void {
    if (source) return;
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
      return response.json();
    },
    onEvent(listener) {
      listeners.add(listener);
      connectEvents();
      return () => listeners.delete(listener);
    },
  };
}
