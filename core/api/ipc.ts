import type { ApiMessage } from './message';
/**
 * The Electron IPC channels between preload and main; nothing else crosses the preload. Calls and
 * events do not use them: they travel over the MessagePort that main hands over on IPC_CONNECT.
 */

/** preload -> main: "give this page a port to the backend" (main checks the sender first). */
export const IPC_CONNECT = 'fieldbench:connect';
/** main -> preload: a PortOffer, with the port in the message's ports when `ok`. */
export const IPC_PORT = 'fieldbench:port';
/** preload -> main: the print page is complete (Bridge.printReady). */
export const IPC_PRINT_READY = 'fieldbench:print-ready';

/** main -> preload: the window is closing; save what is waiting (Bridge.onClosing). */
export const IPC_FLUSH = 'fieldbench:flush';
/** preload -> main: what was waiting is saved (or failed and kept on this device): close now. */
export const IPC_FLUSHED = 'fieldbench:flushed';

/** What main answers on IPC_PORT: a port (transferred alongside), or why there is none. */
export type PortOffer = { ok: true } | { ok: false; reason: ApiMessage };
