import type { RouteObject } from 'react-router';
import { EngagementsPage } from './EngagementsPage';
import { EngagementPage } from './EngagementPage';
import { EngagementEditPage } from './EngagementEditPage';
import { CustomersPage } from './CustomersPage';
import { CustomerPage } from './CustomerPage';
import { CustomerEditPage } from './CustomerEditPage';

/** The engagement and customer screens (hash routes, children of the shell). */
export const engagementRoutes: RouteObject[] = [
  { path: 'engagements', element: <EngagementsPage /> },
  { path: 'engagements/new', element: <EngagementEditPage /> },
  { path: 'engagements/:id', element: <EngagementPage /> },
  { path: 'engagements/:id/edit', element: <EngagementEditPage /> },
  { path: 'customers', element: <CustomersPage /> },
  { path: 'customers/new', element: <CustomerEditPage /> },
  { path: 'customers/:id', element: <CustomerPage /> },
  { path: 'customers/:id/edit', element: <CustomerEditPage /> },
];
