import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { connectQueryCache, queryClient } from './query-client';

/** Gives the app its query cache and keeps the cache in step with the backend's change events. */
export function DataProvider({ children }: { children: ReactNode }) {
  useEffect(() => connectQueryCache(), []);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
