import { useEffect, useRef } from 'react';
import type { EventName, Events } from '../../core/api/contract';
import { onEvent } from './api';

/**
 * Subscribes to a backend push event for the component's lifetime. The subscription is made once;
 * the newest handler is called, so callers may pass an inline function.
 */
export function useEvent<E extends EventName>(event: E, handler: (payload: Events[E]) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => onEvent(event, (payload) => latest.current(payload)), [event]);
}
