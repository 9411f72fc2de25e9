import path from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

/**
 * The renderer bundle. The app is served from app://fieldbench/ (Electron) and from
 * http://127.0.0.1 (browser host), so every asset URL is relative (base './'). The CSP forbids
 * inline scripts, so Vite must not inject its inline module-preload polyfill. TSX is compiled by
 * Vite's own transformer with tsconfig's `jsx: react-jsx` (no React plugin needed).
 */
export default defineConfig(({ mode }) => ({
  root: here,
  base: './',
  resolve: {
    // react-router's package exports only its development build; use the production one in builds.
    alias:
      mode === 'production'
        ? [{ find: /^react-router$/, replacement: path.resolve(here, '..', 'node_modules', 'react-router', 'dist', 'production', 'index.mjs') }]
        : [],
  },
  build: {
    outDir: path.resolve(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: true,
    // Electron 40 ships Chromium 144; the browser host is used with current Chromium.
    target: 'chrome120',
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router, TanStack Query and lucide-react mark their modules "use client" for React
        // Server Components, which this client-only bundle does not use; the directive is meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /[\\/]node_modules[\\/](react-router|@tanstack[\\/]react-query|lucide-react)[\\/]/.test(warning.id ?? '')) return;
        warn(warning);
      },
    },
  },
}));
