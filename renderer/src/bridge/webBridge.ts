import type { BackofficeBridge } from '../../../electron/api/table';

/**
 * Told to the listeners each time the web host's event stream opens: changes made while no
 * stream was open were never sent, so what a window shows must be read again once.
 */
export const eventsResumed = 'events.resumed';

/**
 * window.backoffice for the web host: the same calls as the desktop app's preload bridge, over
 * fetch to the local host. The launch token travels in an HttpOnly cookie set when the page was
 * first opened, so this code never sees it.
 */
export function createWebBridge(): BackofficeBridge {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let source: EventSource | null = null;
  const knownEvents = ['settings.changed', 'secrets.changed', 'sync.changed', 'records.changed', 'mail.changed', 'policy.changed'];

  const tell = (name: string, payload: unknown) => {
    for (const listener of listeners) listener(name, payload);
  };

  /**
   * The host serves the stream to a signed-in session only and ends it with that session. An
   * EventSource reconnects by itself after a dropped connection, and fires `open` again.
   */
  function connectEvents(): void {
    if (listeners.size === 0) return;
    source?.close();
    const opened = new EventSource('./api/events');
    source = opened;
    opened.addEventListener('open', () => tell(eventsResumed, {}));
    for (const name of knownEvents) {
      opened.addEventListener(name, (event) => tell(name, JSON.parse((event as MessageEvent<string>).data)));
    }
  }

  /**
   * A new session (sign-in, first setup) needs a stream of its own; any other call keeps the open
   * stream, so no change goes by unheard, and only opens one when none is open (it was refused
   * before sign-in, or the host ended it).
   */
  function followSession(name: string, ok: boolean): void {
    if (name === 'access.signOut') {
      source?.close();
      source = null;
    } else if (ok && (name === 'access.signIn' || name === 'access.setup')) connectEvents();
    else if (source === null || source.readyState === EventSource.CLOSED) connectEvents();
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
      followSession(name, result.ok === true);
      return result;
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connectEvents();
      return () => listeners.delete(listener);
    },
  };
}
