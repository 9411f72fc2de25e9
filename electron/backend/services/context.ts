import type { Db } from '../db/connection';
import type { Platform } from '../platform';
import type { DefinitionCache } from './definitions';
import type { DocxReaderOptions } from '../import/docx-thread';

/** What services work with: the store, the data folder, what the host can do, shared caches. */
export type ServiceContext = {
  db: Db;
  /** Folder of the database and the attachment files. */
  dataDir: string;
  /** What the host can do for the backend (Electron: print to PDF); empty in the browser host. */
  platform: Platform;
  /** The one cache of parsed assessment definitions. */
  definitions: DefinitionCache;
  /** Where the Word-import worker is and its limits (import/docx-thread.ts). */
  docxReader: DocxReaderOptions;
};
