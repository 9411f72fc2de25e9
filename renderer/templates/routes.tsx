import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

/** POC templates, reached from the proposals section, each loaded on demand. */
export const templateRoutes: RouteObject[] = [
  { path: 'templates', element: lazyPage(() => import('./TemplatesPage'), 'TemplatesPage') },
  { path: 'templates/:id', element: lazyPage(() => import('./TemplatePage'), 'TemplatePage') },
];
