/**
 * What the backend needs from the host it runs in but cannot do itself (it never imports
 * 'electron'). Electron main provides these through the utility process; the browser host
 * provides none: PDF calls answer `unavailable` with what to do instead, and exports come back as
 * bytes for the renderer to download.
 */
export type Platform = {
  /** Renders an app route (e.g. "/assessments/<id>/report?lang=en") print-styled to PDF bytes. */
  printPdf?: (route: string) => Promise<Uint8Array>;
  /**
   * Saves an exported file where the user chooses (Electron: the save dialog, suggesting
   * `fileName`). Resolves with the path written, or null when the user cancelled.
   */
  saveFile?: (file: { fileName: string; mime: string; data: Uint8Array }) => Promise<string | null>;
};
