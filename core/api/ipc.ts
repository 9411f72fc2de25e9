/** The two IPC channels of the Electron transport; nothing else crosses the preload. */
export const IPC_CALL = 'fieldbench:call';
export const IPC_EVENT = 'fieldbench:event';
