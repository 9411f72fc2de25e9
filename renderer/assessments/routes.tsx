import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

/** The assessment screens (children of the shell), each loaded on demand. */
export const assessmentRoutes: RouteObject[] = [
  { path: 'assessments', element: lazyPage(() => import('./AssessmentsPage'), 'AssessmentsPage') },
  { path: 'assessments/:id', element: lazyPage(() => import('./RunnerPage'), 'RunnerPage') },
  { path: 'assessments/:id/review', element: lazyPage(() => import('./ReviewPage'), 'ReviewPage') },
  { path: 'assessments/:id/results', element: lazyPage(() => import('./results/ResultsPage'), 'ResultsPage') },
];
