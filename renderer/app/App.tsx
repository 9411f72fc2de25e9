import { useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { useSettings } from '../state/settings';
import { Shell } from './Shell';
import { Unavailable } from './Unavailable';
import { RecoveryScreen } from '../settings/RecoveryScreen';
import { numberHistoryEntries } from './history-index';
import { lazyPage } from './lazy-page';
import { engagementRoutes } from '../engagements/routes';
import { assessmentRoutes } from '../assessments/routes';
import { proposalRoutes } from '../proposals/routes';
import { templateRoutes } from '../templates/routes';

const followRouter = numberHistoryEntries();
// Hash routing works the same under app://fieldbench/ (Electron) and http://127.0.0.1 (browser host):
// the server only ever serves index.html, and the route never reaches it.
const router = createHashRouter([
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
]);
followRouter(router);

export function App() {
  const loaded = useSettings((s) => s.loaded);
  const load = useSettings((s) => s.load);
  const problem = useSettings((s) => s.problem);
  useEffect(() => {
    void load();
  }, [load]);
  // Wait for the stored language and theme so the first paint is already in them (a local call).
  if (!loaded) return null;
  // The first call tells whether the backend can serve at all (it answers every call alike), or
  // waits in recovery mode for the user to choose between a backup and a rescue.
  if (problem?.kind === 'load' && problem.error.code === 'unavailable') {
    return problem.error.key === 'error.recoveryNeeded' ? <RecoveryScreen /> : <Unavailable reason={problem.error} />;
  }
  return <RouterProvider router={router} />;
}
