/**
 * The page's only door to the main process: `window.backoffice`, typed from the API table.
 * Two fixed channels, no generic ipcRenderer access.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BackofficeBridge } from '../api/table';

const bridge = {
  call: (name, input) => ipcRenderer.invoke('backoffice:call', name, input),
  onEvent: (listener) => {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on('backoffice:event', handler);
    return () => ipcRenderer.off('backoffice:event', handler);
  },
  printing: {
    printers: () => ipcRenderer.invoke('backoffice:printers'),
    print: (options) => ipcRenderer.invoke('backoffice:print', options),
    savePdf: (options) => ipcRenderer.invoke('backoffice:savePdf', options),
  },
} satisfies BackofficeBridge;

contextBridge.exposeInMainWorld('backoffice', bridge);
