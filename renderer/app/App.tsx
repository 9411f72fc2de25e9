import { useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { Shell } from './Shell';
import { EmptySection } from './EmptySection';
import { KbPage } from '../kb/KbPage';
import { ArticlePage } from '../kb/ArticlePage';
import { useSettings } from '../state/settings';
import { useCatalog } from '../state/catalog';

// Hash routing works the same under app://fieldbench/ (Electron) and http://127.0.0.1 (browser host).
const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/kb" replace /> },
      { path: 'kb', element: <KbPage /> },
      { path: 'kb/:id', element: <ArticlePage /> },
      { path: 'engagements', element: <EmptySection section="engagements" /> },
      { path: 'assessments', element: <EmptySection section="assessments" /> },
      { path: 'proposals', element: <EmptySection section="proposals" /> },
      { path: 'risks', element: <EmptySection section="risks" /> },
      { path: 'review', element: <EmptySection section="review" /> },
      { path: 'sync', element: <EmptySection section="sync" /> },
      { path: '*', element: <Navigate to="/kb" replace /> },
    ],
  },
]);

export function App() {
  const loaded = useSettings((s) => s.loaded);
  const loadSettings = useSettings((s) => s.load);
  const loadCatalog = useCatalog((s) => s.load);
  useEffect(() => {
    void loadSettings();
    void loadCatalog();
  }, [loadSettings, loadCatalog]);
  // Wait for the stored language so the first paint is already in it.
  if (!loaded) return null;
  return <RouterProvider router={router} />;
}
