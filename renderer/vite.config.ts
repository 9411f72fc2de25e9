import { defineConfig } from 'vite';
import path from 'node:path';

// The built app is served from app://fieldbench/ (Electron) and http://127.0.0.1 (browser host),
// so asset URLs are relative; the CSP forbids inline scripts, so no inline module-preload polyfill.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  build: {
    outDir: path.resolve(import.meta.dirname, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 1500,
  },
});
