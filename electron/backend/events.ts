import type { EventName, Events } from '../../core/api/contract';

/** Pushes an event to the renderer (on its MessagePort in Electron, server-sent events in the browser host). */
export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;
