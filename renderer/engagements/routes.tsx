import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

/** The engagement and customer screens (hash routes, children of the shell), each loaded on demand. */
export const engagementRoutes: RouteObject[] = [
  { path: 'engagements', element: lazyPage(() => import('./EngagementsPage'), 'EngagementsPage') },
  { path: 'engagements/new', element: lazyPage(() => import('./EngagementEditPage'), 'EngagementEditPage') },
  { path: 'engagements/:id', element: lazyPage(() => import('./EngagementPage'), 'EngagementPage') },
  { path: 'engagements/:id/edit', element: lazyPage(() => import('./EngagementEditPage'), 'EngagementEditPage') },
  { path: 'customers', element: lazyPage(() => import('./CustomersPage'), 'CustomersPage') },
  { path: 'customers/new', element: lazyPage(() => import('./CustomerEditPage'), 'CustomerEditPage') },
  { path: 'customers/:id', element: lazyPage(() => import('./CustomerPage'), 'CustomerPage') },
  { path: 'customers/:id/edit', element: lazyPage(() => import('./CustomerEditPage'), 'CustomerEditPage') },
];
