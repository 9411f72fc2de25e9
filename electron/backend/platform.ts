/**
 * What the backend needs from the host it runs in but cannot do itself (it never imports
 * 'electron'). Electron main provides these through the utility process; the browser host
 * provides none, and the calls that need them answer `unavailable` with what to do instead.
 */
export type Platform = {
  /** Renders an app route (e.g. "/assessments/<id>/report?lang=en") print-styled to PDF bytes. */
  printPdf?: (route: string) => Promise<Uint8Array>;
};
