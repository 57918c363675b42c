import { ipcMain, type BrowserWindow } from 'electron';
import { apiTable } from '../api/table';
import { createDispatch } from '../api/dispatch';
import { askFirstAnswers } from '../api/firstAnswers';
import type { FirstAnswers } from '../../domain/firstAnswers';
import type { Backoffice } from '../services/backoffice';
import { mayReceive } from '../services/access/eventAccess';
import { isTrustedSender } from './trust';

export interface IpcBinding {
  /** The first screen's answers for this window's session, for the page app:// serves it. */
  firstAnswers(): Promise<FirstAnswers>;
  unbind(): void;
}

/**
 * Binds the window to the same dispatch the web host uses. One channel for calls and one for
 * events; every incoming message is checked to come from our page's main frame, and refused
 * loudly otherwise. The session lives here, per window, never in the page.
 */
export function bindIpc(window: BrowserWindow, backoffice: Backoffice): IpcBinding {
  const dispatch = createDispatch({ table: apiTable, services: backoffice.services, logger: backoffice.logger });
  let sessionId: string | null = null;

  ipcMain.handle('backoffice:call', async (event, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (event.sender !== window.webContents || !frame || !isTrustedSender(frame.url, frame === event.sender.mainFrame)) {
      backoffice.logger.warn('ipc.refusedSender', { url: frame?.url ?? null });
      throw new Error('IPC refused: not the Backoffice window');
    }
    return dispatch(name, input, { session: backoffice.services.access.session(sessionId), bindSession: (id) => (sessionId = id) });
  });

  const unsubscribe = backoffice.events.subscribe((name, payload) => {
    // Only a signed-in window hears events, and only of what its role may see.
    const session = backoffice.services.access.session(sessionId);
    if (!window.isDestroyed() && session && mayReceive(session.role, name, payload)) window.webContents.send('backoffice:event', name, payload);
  });
  return {
    firstAnswers: () => askFirstAnswers(dispatch, { session: backoffice.services.access.session(sessionId), bindSession: () => undefined }),
    unbind: () => {
      unsubscribe();
      ipcMain.removeHandler('backoffice:call');
      if (sessionId) backoffice.services.access.signOut(sessionId);
    },
  };
}
