/**
 * Focus management on route changes: when the path changes, the new page's heading takes focus so
 * screen-reader users hear where they are and keyboard users continue from the top of the page.
 * The first page of a session leaves focus alone (the skip link stays the first stop).
 * The heading asks when it mounts, which also covers pages that show it only after loading.
 */
let focusedPath: string | null = null;

export function claimHeadingFocus(pathname: string): boolean {
  if (focusedPath === null) {
    focusedPath = pathname;
    return false;
  }
  if (focusedPath === pathname) return false;
  focusedPath = pathname;
  return true;
}
