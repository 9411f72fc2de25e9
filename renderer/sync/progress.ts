import { useEffect, useState } from 'react';
import type { SyncProgress } from '../../core/sync/status';
import { onEvent } from '../lib/api';

/** The live progress of a running sync, from `sync.progress` events (null until the first one). */
export function useSyncProgress(): SyncProgress | null {
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  useEffect(() => onEvent('sync.progress', setProgress), []);
  return progress;
}
