/** Types of node-bundles.mjs for the TypeScript that imports it (test/helpers/docx-worker.ts). */
import type { BuildOptions } from 'esbuild';

export const DOCX_WORKER_ENTRY: string;
export const ENTRIES: [entry: string, output: string][];
export function bundleOptions(entry: string, out: string): BuildOptions & { metafile: true };
