import type { BlobFile } from '../../core/api/blobs';

/**
 * Messages between Electron main and the backend utility process. Renderer calls and push events
 * do not pass here: they travel on the MessagePorts that `connect` hands over (core/api/port.ts).
 */

export type WorkerInit = {
  type: 'init';
  dataDir: string;
  contentDir: string;
  appVersion: string;
  nativeBinding: string | undefined;
  /** The key sealing the sync token (base64), kept by main with safeStorage; undefined: the backend keeps its own. */
  syncKey: string | undefined;
};

/** A renderer's port to serve; the port itself is the message's first transferred port. */
export type WorkerConnect = { type: 'connect' };

/** Main serves app://blob/<sha256> and asks the backend for the file (main never reads the database). */
export type ReadBlobRequest = { type: 'read-blob'; id: number; sha256: string };

/** Main's answer to a `print-pdf` request from the backend. */
export type PrintPdfResult = { type: 'print-pdf-result'; id: number } & ({ ok: true; data: Uint8Array } | { ok: false; message: string });

/** Main's answer to a `save-dialog` request: the path the user chose, or null when they cancelled. */
export type SaveDialogResult = { type: 'save-dialog-result'; id: number; path: string | null };

export type ToWorker = WorkerInit | WorkerConnect | ReadBlobRequest | PrintPdfResult | SaveDialogResult;

export type FromWorker =
  | { type: 'ready' }
  /** Start-up failed; the backend stays up and answers every call `unavailable` with this reason. */
  | { type: 'fatal'; message: string }
  | { type: 'blob'; id: number; file: BlobFile | null }
  /** The backend asks main to render an app route to PDF (see electron/backend/platform.ts). */
  | { type: 'print-pdf'; id: number; route: string }
  /** The backend asks main for a place to save an export (Electron's save dialog). */
  | { type: 'save-dialog'; id: number; fileName: string };
