import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../core/api/bridge';
import type { ApiResult } from '../../core/api/result';
import type { EventName } from '../../core/api/contract';
import { IPC_CALL, IPC_EVENT } from '../../core/api/ipc';

/**
 * Exposes exactly one object, `window.bridge`, to the sandboxed renderer: a call into the API
 * contract and a subscription to its push events. Raw ipcRenderer never crosses the bridge.
 */
const bridge = {
  call: (method: string, args: unknown) => ipcRenderer.invoke(IPC_CALL, method, args) as Promise<ApiResult<unknown>>,
  on: (event: EventName, listener: (payload: never) => void) => {
    const wrapped = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, wrapped);
    };
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('bridge', bridge);
