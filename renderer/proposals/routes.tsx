import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

/** The proposals section's routes, inside the app shell, each loaded on demand. */
export const proposalRoutes: RouteObject[] = [
  { path: 'proposals', element: lazyPage(() => import('./ProposalsPage'), 'ProposalsPage') },
  { path: 'proposals/:id', element: lazyPage(() => import('./ProposalPage'), 'ProposalPage') },
];
