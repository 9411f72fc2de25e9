import { MAX_IMPORT_DOCX_BYTES } from '../../../core/api/limits';

/**
 * How much a zip package the app reads may hold. Checked from the central directory before
 * anything is inflated (zip-inspect.ts), and again while inflating, against the bytes that really
 * come out (a directory can lie).
 */
export type ZipLimits = {
  /** Largest package accepted, as it arrives. */
  maxArchiveBytes: number;
  /** Most entries (files and folders) in the central directory. */
  maxEntries: number;
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Highest uncompressed:compressed ratio of one entry… */
  maxRatio: number;
  /** …for entries larger than this once inflated (small parts of repeated XML compress very well and are harmless). */
  ratioFloorBytes: number;
};

const MB = 1024 * 1024;

/**
 * Word documents. A real one holds some 10–40 parts plus one per picture (hundreds at most);
 * document.xml of a 500-page report is 5–20 MB, a photo up to ~15 MB, and the whole package
 * rarely expands past 100 MB. Word's XML compresses 5–30:1 and pictures hardly at all, while a
 * run of one repeated byte — what bombs are made of — compresses about 1000:1. The package itself
 * is limited to 20 MB, as the import call says (core/api/limits.ts).
 */
export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: MAX_IMPORT_DOCX_BYTES,
  maxEntries: 2000,
  maxEntryBytes: 50 * MB,
  maxTotalBytes: 200 * MB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MB,
};
