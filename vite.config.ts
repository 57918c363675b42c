import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer, built to dist/renderer and served by both hosts (app:// in Electron, HTTP in the web host). */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      input: { index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)) },
      // Everything the first screen runs in one file: left to itself the bundler split it into
      // four (React and the libraries, the store, its runtime, the app), four requests and module
      // records before the first script can run, which on a busy machine each waited for a turn.
      // The parts loaded later stay chunks of their own.
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
    },
  },
});
