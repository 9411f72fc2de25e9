import type { RouteObject } from 'react-router';
import { ProposalsPage } from './ProposalsPage';
import { ProposalPage } from './ProposalPage';

/** The proposals section's routes, inside the app shell. */
export const proposalRoutes: RouteObject[] = [
  { path: 'proposals', element: <ProposalsPage /> },
  { path: 'proposals/:id', element: <ProposalPage /> },
];
