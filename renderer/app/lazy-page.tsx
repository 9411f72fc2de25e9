import { isValidElement, lazy, Suspense, useState, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { Loading } from './StateViews';

/**
 * A route's page whose code is fetched on demand, that can be asked for before it is shown and
 * renders without suspending once it has arrived.
 *
 * Why that matters: when a Suspense boundary commits its fallback ("Loading…"), React holds the
 * reveal of whatever resolves it until 300 ms after that commit (its fallback throttle), so a chunk
 * that arrives in 20 ms still shows the page 300 ms later. Links inside the app never show the
 * fallback (the router changes routes in a transition, which keeps the previous page on screen);
 * the first page of a start would, unless its code was fetched first (App.tsx does).
 */
type PageCode = {
  /** Starts fetching (once) and resolves with the page. */
  load(): Promise<ComponentType>;
  /** The page, once fetched; null before. */
  loaded(): ComponentType | null;
  /** Suspends until fetched. */
  Lazy: ComponentType;
};

function pageCode(fetchPage: () => Promise<ComponentType>): PageCode {
  let page: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const load = (): Promise<ComponentType> => {
    pending ??= fetchPage().then(
      (fetched) => (page = fetched),
      (error: unknown) => {
        // A failed fetch (the host restarted, a new build) is tried again by the next attempt.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  return { load, loaded: () => page, Lazy: lazy(async () => ({ default: await load() })) };
}

/** A route's page, rendered at once when its code is already here. */
function RoutePage({ code }: { code: PageCode }) {
  // Decided once per mount: switching from the lazy wrapper to the page itself would remount it.
  const [Page] = useState(() => code.loaded() ?? code.Lazy);
  return <Page />;
}

/**
 * A route's page, loaded on demand: its code (and what only it uses — the rich-text editor, the
 * charts, the print sheets) is a chunk of its own that is fetched when the route is first opened.
 * While it loads, the page area says so.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactElement {
  // Every route's element is this Suspense boundary in the same place, so React keeps it (and the
  // previous page while the next one's code arrives); the key makes it mount a new RoutePage when
  // the route changes (and keep it while only the route's parameters do).
  return (
    <Suspense fallback={<Loading />}>
      <RoutePage key={`page-${++pages}`} code={pageCode(async () => (await load())[name])} />
    </Suspense>
  );
}
let pages = 0;

/** Fetches the code of a route element made by `lazyPage`; resolves when it is here (at once for any other element). */
export async function preloadPage(element: ReactNode): Promise<void> {
  const page = isValidElement<{ children?: ReactNode }>(element) && element.type === Suspense ? element.props.children : null;
  if (isValidElement<{ code: PageCode }>(page) && page.type === RoutePage) await page.props.code.load();
}

/**
 * How the code of the page at a path is fetched, handed over by App.tsx (which holds the routes);
 * links call `preloadPath` when a pointer or the focus reaches them, ahead of the click.
 */
let pathPreloader: (pathname: string) => Promise<void> = () => Promise.resolve();

export function setPathPreloader(preload: (pathname: string) => Promise<void>): void {
  pathPreloader = preload;
}

export function preloadPath(pathname: string): void {
  void pathPreloader(pathname).catch(() => undefined);
}
