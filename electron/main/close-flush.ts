import { IPC_FLUSH, IPC_FLUSHED } from '../../core/api/ipc';

/**
 * Closing a window waits for its page's saves. The first close is held back; the page is asked to
 * save what is waiting (autosave's flush, Bridge.onClosing) and says when it is done; then the
 * window closes. A page that never answers (hung, crashed) cannot keep the window open: past
 * CLOSE_FLUSH_TIMEOUT_MS it closes anyway — what was typed is also kept on this device by then
 * and put back when the editor opens again.
 *
 * The page's answer also says the language it shows (its <html lang>): the question main asks next,
 * when a form there still has unsaved changes, is worded in it rather than the system's.
 */

export const CLOSE_FLUSH_TIMEOUT_MS = 5_000;

/** The parts of a BrowserWindow, its webContents and ipcMain this needs (tests pass stand-ins). */
export type ClosingWindow = {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): void;
  close(): void;
  isDestroyed(): boolean;
  webContents: { send(channel: string): void; isDestroyed(): boolean };
};
type FlushReply = (event: { sender: unknown }, pageLang?: unknown) => void;
export type FlushReplies = {
  on(channel: string, listener: FlushReply): void;
  removeListener(channel: string, listener: FlushReply): void;
};

/** Holds each close until the page has saved; returns the language tag the page last reported (null before its first answer). */
export function flushBeforeClose(win: ClosingWindow, replies: FlushReplies, timeoutMs = CLOSE_FLUSH_TIMEOUT_MS): () => string | null {
  let pageLang: string | null = null;
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
    const onFlushed: FlushReply = ({ sender }, lang) => {
      if (sender !== win.webContents) return;
      // From the page, so untrusted: a short language tag or nothing.
      if (typeof lang === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) && lang.length <= 35) pageLang = lang;
      done();
    };
    const timer = setTimeout(done, timeoutMs);
    replies.on(IPC_FLUSHED, onFlushed);
    win.webContents.send(IPC_FLUSH);
  });
  return () => pageLang;
}
