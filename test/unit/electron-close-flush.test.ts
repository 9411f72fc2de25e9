import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushBeforeClose } from '../../electron/main/close-flush';
import { IPC_FLUSH, IPC_FLUSHED } from '../../core/api/ipc';

/** A window whose close() emits 'close' and then closes unless a listener prevented it, as Electron's does. */
function fakeWindow() {
  const events = new EventEmitter();
  const sent: string[] = [];
  const win = {
    closed: false,
    closeAttempts: 0,
    on: (name: 'close', listener: (event: { preventDefault(): void }) => void) => events.on(name, listener),
    close() {
      win.closeAttempts += 1;
      let prevented = false;
      events.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) win.closed = true;
    },
    isDestroyed: () => win.closed,
    webContents: { send: (channel: string) => sent.push(channel), isDestroyed: () => win.closed },
  };
  return { win, sent };
}

afterEach(() => vi.useRealTimers());

describe('closing a window', () => {
  it('waits until the page says its saves are done, then closes', () => {
    const { win, sent } = fakeWindow();
    const replies = new EventEmitter();
    flushBeforeClose(win, replies);
    win.close();
    expect(win.closed).toBe(false);
    expect(sent).toEqual([IPC_FLUSH]);
    // Closing again while it waits asks nothing more.
    win.close();
    expect(sent).toEqual([IPC_FLUSH]);
    // Another window's answer is not this one's.
    replies.emit(IPC_FLUSHED, { sender: {} });
    expect(win.closed).toBe(false);
    replies.emit(IPC_FLUSHED, { sender: win.webContents });
    expect(win.closed).toBe(true);
    expect(replies.listenerCount(IPC_FLUSHED)).toBe(0);
  });

  it('keeps the language the page reports with its answer, for the question about unsaved forms', () => {
    const { win } = fakeWindow();
    const replies = new EventEmitter();
    const pageLang = flushBeforeClose(win, replies);
    expect(pageLang()).toBeNull();
    win.close();
    replies.emit(IPC_FLUSHED, { sender: {} }, 'zh-CN');
    expect(pageLang()).toBeNull();
    replies.emit(IPC_FLUSHED, { sender: win.webContents }, 'zh-CN');
    expect(pageLang()).toBe('zh-CN');
    // What is not a language tag is not kept (the page is untrusted).
    for (const bad of ['"><script>', 42, 'x'.repeat(40), '']) {
      const next = fakeWindow();
      const got = flushBeforeClose(next.win, replies);
      next.win.close();
      replies.emit(IPC_FLUSHED, { sender: next.win.webContents }, bad);
      expect(got()).toBeNull();
      expect(next.win.closed).toBe(true);
    }
  });

  it('closes anyway when the page never answers', () => {
    vi.useFakeTimers();
    const { win } = fakeWindow();
    const replies = new EventEmitter();
    flushBeforeClose(win, replies, 5000);
    win.close();
    vi.advanceTimersByTime(4999);
    expect(win.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(win.closed).toBe(true);
  });

  it('flushes again on the next close when the page kept the window open (a form with unsaved changes)', () => {
    const { win, sent } = fakeWindow();
    const replies = new EventEmitter();
    flushBeforeClose(win, replies);
    // The page refuses to unload: the close after the flush is prevented by someone else.
    const refuse = (event: { preventDefault(): void }) => event.preventDefault();
    win.on('close', refuse);
    win.close();
    replies.emit(IPC_FLUSHED, { sender: win.webContents });
    expect(win.closed).toBe(false);
    win.close();
    expect(sent).toEqual([IPC_FLUSH, IPC_FLUSH]);
  });
});
