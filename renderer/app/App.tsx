import { isValidElement, useEffect, useState } from 'react';
import { createHashRouter, matchRoutes, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { useSettings } from '../state/settings';
import { Shell } from './Shell';
import { Unavailable } from './Unavailable';
import { StartFrame } from './StartFrame';
import { RecoveryScreen } from '../settings/RecoveryScreen';
import { numberHistoryEntries } from './history-index';
import { lazyPage, preloadPage, setPathPreloader } from './lazy-page';
import { engagementRoutes } from '../engagements/routes';
import { assessmentRoutes } from '../assessments/routes';
import { proposalRoutes } from '../proposals/routes';
import { templateRoutes } from '../templates/routes';

const followRouter = numberHistoryEntries();
// Hash routing works the same under app://fieldbench/ (Electron) and http://127.0.0.1 (browser host):
// the server only ever serves index.html, and the route never reaches it.
const routes: RouteObject[] = [
  // The print-styled report stands alone: no app chrome on screen or on paper.
  { path: '/assessments/:id/report', element: lazyPage(() => import('../assessments/results/ReportPage'), 'ReportPage') },
  { path: '/proposals/:id/print', element: lazyPage(() => import('../proposals/print/ProposalPrintPage'), 'ProposalPrintPage') },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/kb" replace /> },
      { path: 'kb', element: lazyPage(() => import('../kb/KbPage'), 'KbPage') },
      { path: 'kb/:id', element: lazyPage(() => import('../kb/ArticlePage'), 'ArticlePage') },
      { path: 'glossary', element: lazyPage(() => import('../kb/GlossaryPage'), 'GlossaryPage') },
      ...engagementRoutes,
      { path: 'risks', element: lazyPage(() => import('../risks/RisksPage'), 'RisksPage') },
      ...assessmentRoutes,
      { path: 'notes/:id', element: lazyPage(() => import('../notes/NotePage'), 'NotePage') },
      { path: 'lessons', element: lazyPage(() => import('../lessons/LessonsPage'), 'LessonsPage') },
      { path: 'lessons/:id', element: lazyPage(() => import('../lessons/LessonPage'), 'LessonPage') },
      ...proposalRoutes,
      ...templateRoutes,
      { path: 'help', element: lazyPage(() => import('../help/Welcome'), 'HelpPage') },
      { path: 'settings', element: lazyPage(() => import('../settings/SettingsPage'), 'SettingsPage') },
      { path: 'review', element: lazyPage(() => import('../review/ReviewPage'), 'ReviewPage') },
      { path: 'review/:id', element: lazyPage(() => import('../review/SubmissionPage'), 'SubmissionPage') },
      { path: 'sync', element: lazyPage(() => import('../sync/SyncPage'), 'SyncPage') },
      { path: '*', element: <Navigate to="/kb" replace /> },
    ],
  },
];

// The first call goes out now, before anything renders: the stored language and theme. (In the
// browser host it also takes the access key out of the address: lib/api.ts.)
void useSettings.getState().load();

/**
 * An address without a route (a fresh start) opens the knowledge base directly: through the index
 * route's redirect, the first page would cost one more render and a transition.
 */
function startAtKnowledgeBase(): void {
  const route = window.location.hash.replace(/^#/, '');
  if (route === '' || route === '/') window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#/kb`);
}
startAtKnowledgeBase();
const router = createHashRouter(routes);
followRouter(router);

/**
 * Fetches the code of the page(s) `pathname` shows, following one redirect (an unknown route
 * redirects to the knowledge base). Resolves when it is here, or failed (the route then reports it).
 */
async function preloadRoute(pathname: string, redirects = 1): Promise<void> {
  const loads = (matchRoutes(routes, pathname) ?? []).map(({ route: { element } }) =>
    isValidElement<{ to: unknown }>(element) && element.type === Navigate && typeof element.props.to === 'string' && redirects > 0
      ? preloadRoute(element.props.to, redirects - 1)
      : preloadPage(element),
  );
  await Promise.allSettled(loads);
}

setPathPreloader(preloadRoute);

// The first page's code is fetched while the settings load, not after: shown before it arrived,
// the page would commit a "Loading…" and React would hold the page back for 300 ms after that.
const firstPage = preloadRoute(router.state.location.pathname);

export function App() {
  const loaded = useSettings((s) => s.loaded);
  const problem = useSettings((s) => s.problem);
  const [pageReady, setPageReady] = useState(false);
  useEffect(() => {
    void firstPage.then(() => setPageReady(true));
  }, []);
  // Wait for the stored language and theme so the first words painted are already in them (a
  // local call), and for the first page's code, fetched meanwhile; the empty frame stays meanwhile.
  if (!loaded || !pageReady) return <StartFrame />;
  // The first call tells whether the backend can serve at all (it answers every call alike), or
  // waits in recovery mode for the user to choose between a backup and a rescue.
  if (problem?.kind === 'load' && problem.error.code === 'unavailable') {
    return problem.error.key === 'error.recoveryNeeded' ? <RecoveryScreen /> : <Unavailable reason={problem.error} />;
  }
  return <RouterProvider router={router} />;
}
