import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Loading } from './StateViews';

/**
 * A route's page, loaded on demand: its code (and what only it uses — the rich-text editor, the
 * charts, the print sheets) is a chunk of its own that is fetched when the route is first opened.
 * While it loads, the page area says so.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactElement {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
