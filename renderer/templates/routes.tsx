import type { RouteObject } from 'react-router';
import { TemplatesPage } from './TemplatesPage';
import { TemplatePage } from './TemplatePage';

/** POC templates, reached from the proposals section. */
export const templateRoutes: RouteObject[] = [
  { path: 'templates', element: <TemplatesPage /> },
  { path: 'templates/:id', element: <TemplatePage /> },
];
