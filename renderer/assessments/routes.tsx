import type { RouteObject } from 'react-router';
import { AssessmentsPage } from './AssessmentsPage';
import { RunnerPage } from './RunnerPage';
import { ReviewPage } from './ReviewPage';

/** The assessment screens (children of the shell); `assessments/:id/results` belongs to the results page. */
export const assessmentRoutes: RouteObject[] = [
  { path: 'assessments', element: <AssessmentsPage /> },
  { path: 'assessments/:id', element: <RunnerPage /> },
  { path: 'assessments/:id/review', element: <ReviewPage /> },
];
