import { useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { useSettings } from '../state/settings';
import { Shell } from './Shell';
import { Unavailable } from './Unavailable';
import { EmptySection } from './EmptySection';
import { EMPTY_SECTIONS } from './sections';
import { KbPage } from '../kb/KbPage';
import { ArticlePage } from '../kb/ArticlePage';
import { engagementRoutes } from '../engagements/routes';
import { RisksPage } from '../risks/RisksPage';
import { ResultsPage } from '../assessments/results/ResultsPage';
import { ReportPage } from '../assessments/results/ReportPage';
import { assessmentRoutes } from '../assessments/routes';
import { NotePage } from '../notes/NotePage';
import { LessonPage } from '../lessons/LessonPage';
import { LessonsPage } from '../lessons/LessonsPage';
import { proposalRoutes } from '../proposals/routes';
import { ProposalPrintPage } from '../proposals/print/ProposalPrintPage';
import { templateRoutes } from '../templates/routes';

// Hash routing works the same under app://fieldbench/ (Electron) and http://127.0.0.1 (browser host):
// the server only ever serves index.html, and the route never reaches it.
const router = createHashRouter([
  // The print-styled report stands alone: no app chrome on screen or on paper.
  { path: '/assessments/:id/report', element: <ReportPage /> },
  { path: '/proposals/:id/print', element: <ProposalPrintPage /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/kb" replace /> },
      { path: 'kb', element: <KbPage /> },
      { path: 'kb/:id', element: <ArticlePage /> },
      ...engagementRoutes,
      { path: 'risks', element: <RisksPage /> },
      { path: 'assessments/:id/results', element: <ResultsPage /> },
      ...assessmentRoutes,
      { path: 'notes/:id', element: <NotePage /> },
      { path: 'lessons', element: <LessonsPage /> },
      { path: 'lessons/:id', element: <LessonPage /> },
      ...proposalRoutes,
      ...templateRoutes,
      ...EMPTY_SECTIONS.map((section) => ({ path: section, element: <EmptySection section={section} /> })),
      { path: '*', element: <Navigate to="/kb" replace /> },
    ],
  },
]);

export function App() {
  const loaded = useSettings((s) => s.loaded);
  const load = useSettings((s) => s.load);
  const problem = useSettings((s) => s.problem);
  useEffect(() => {
    void load();
  }, [load]);
  // Wait for the stored language and theme so the first paint is already in them (a local call).
  if (!loaded) return null;
  // The first call tells whether the backend can serve at all (it answers every call alike).
  if (problem?.kind === 'load' && problem.error.code === 'unavailable') return <Unavailable reason={problem.error} />;
  return <RouterProvider router={router} />;
}
