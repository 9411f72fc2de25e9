import { IPC_FLUSH, IPC_FLUSHED } from '../../core/api/ipc';

/**
 * Closing a window waits for its page's saves. The first close is held back; the page is asked to
 * save what is waiting (autosave's flush, Bridge.onClosing) and says when it is done; then the
 * window closes. A page that never answers (hung, crashed) cannot keep the window open: past
 * CLOSE_FLUSH_TIMEOUT_MS it closes anyway — what was typed is also kept on this device by then
 * and put back when the editor opens again.
 */

export const CLOSE_FLUSH_TIMEOUT_MS = 5_000;

/** The parts of a BrowserWindow, its webContents and ipcMain this needs (tests pass stand-ins). */
export type ClosingWindow = {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): void;
  close(): void;
  isDestroyed(): boolean;
  webContents: { send(channel: string): void; isDestroyed(): boolean };
};
export type FlushReplies = {
  on(channel: string, listener: (event: { sender: unknown }) => void): void;
  removeListener(channel: string, listener: (event: { sender: unknown }) => void): void;
};

export function flushBeforeClose(win: ClosingWindow, replies: FlushReplies, timeoutMs = CLOSE_FLUSH_TIMEOUT_MS): void {
  let waiting = false;
  // The close that follows a flush goes through (once): the page may still ask to stay, for a
  // form with unsaved changes, and the next close then flushes again.
  let letNextCloseThrough = false;
  win.on('close', (event) => {
    if (letNextCloseThrough) {
      letNextCloseThrough = false;
      return;
    }
    if (win.webContents.isDestroyed()) return;
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    const done = (): void => {
      if (!waiting) return;
      waiting = false;
      clearTimeout(timer);
      replies.removeListener(IPC_FLUSHED, onFlushed);
      if (win.isDestroyed()) return;
      letNextCloseThrough = true;
      win.close();
    };
    const onFlushed = ({ sender }: { sender: unknown }): void => {
      if (sender === win.webContents) done();
    };
    const timer = setTimeout(done, timeoutMs);
    replies.on(IPC_FLUSHED, onFlushed);
    win.webContents.send(IPC_FLUSH);
  });
}
