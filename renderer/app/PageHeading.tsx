import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { claimHeadingFocus } from './page-focus';

/**
 * The page's <h1>: takes focus after a route change (see page-focus.ts) and names the window.
 * `title` is the plain text for the window title when the children are richer than text.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    if (claimHeadingFocus(pathname)) ref.current?.focus({ preventScroll: true });
  }, [pathname]);
  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  return (
    <h1 id="page-title" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
