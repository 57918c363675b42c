import fs from 'node:fs/promises';
import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { z } from 'zod';
import { isTrustedSender } from './trust';

/**
 * Printing acts on the window, not on the shop's data, so it is not in the API table: two
 * channels, with the same sender check as every other call. The page sets its size with CSS
 * @page; Electron is told to keep it and add no margins of its own.
 */
const printRequest = z.object({ silent: z.boolean(), deviceName: z.string().max(200).optional() });
const pdfRequest = z.object({ fileName: z.string().regex(/^[\w .-]{1,80}\.pdf$/) });

let printsRunning = 0;

/** A print or PDF export is under way; the updater never installs in the middle of one. */
export function isPrinting(): boolean {
  return printsRunning > 0;
}

async function whilePrinting<T>(work: () => Promise<T>): Promise<T> {
  printsRunning += 1;
  try {
    return await work();
  } finally {
    printsRunning -= 1;
  }
}

export function bindPrinting(window: BrowserWindow): () => void {
  const trusted = (event: Electron.IpcMainInvokeEvent) =>
    event.sender === window.webContents && event.senderFrame !== null && isTrustedSender(event.senderFrame.url, event.senderFrame === event.sender.mainFrame);

  ipcMain.handle('backoffice:print', async (event, input: unknown) => {
    if (!trusted(event)) throw new Error('IPC refused: not the Backoffice window');
    const { silent, deviceName } = printRequest.parse(input);
    return whilePrinting(
      () =>
        new Promise<{ ok: boolean; reason: string }>((resolve) =>
          window.webContents.print({ silent, ...(deviceName ? { deviceName } : {}), printBackground: true, margins: { marginType: 'none' } }, (ok, reason) => resolve({ ok, reason })),
        ),
    );
  });

  ipcMain.handle('backoffice:printers', async (event) => {
    if (!trusted(event)) throw new Error('IPC refused: not the Backoffice window');
    return (await window.webContents.getPrintersAsync()).map((printer) => ({ name: printer.name, displayName: printer.displayName }));
  });

  ipcMain.handle('backoffice:savePdf', async (event, input: unknown) => {
    if (!trusted(event)) throw new Error('IPC refused: not the Backoffice window');
    const { fileName } = pdfRequest.parse(input);
    const target = await dialog.showSaveDialog(window, { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (target.canceled || !target.filePath) return { saved: false };
    const filePath = target.filePath;
    return whilePrinting(async () => {
      await fs.writeFile(filePath, await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }));
      return { saved: true };
    });
  });

  return () => {
    for (const channel of ['backoffice:print', 'backoffice:printers', 'backoffice:savePdf']) ipcMain.removeHandler(channel);
  };
}
