import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const firstAnswers = fileURLToPath(new URL('./renderer/src/bridge/firstAnswers.ts', import.meta.url));

/**
 * index.html loads the first answers' script (renderer/src/bridge/firstAnswers.ts) as a module of
 * its own before the app's: a few hundred bytes that run as soon as they arrive and ask who is
 * signed in while the app's first script (some 400 KB) is still downloading. Vite joins every
 * module script of a page into one entry, so this one is a build input of its own, added here.
 */
function firstAnswersScript(): Plugin {
  return {
    name: 'backoffice:first-answers-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find((output) => output.type === 'chunk' && output.isEntry && output.facadeModuleId === firstAnswers);
        const appScript = html.indexOf('<script type="module"');
        if (!chunk || appScript < 0) throw new Error('the build has no chunk for the first answers, or the page no app script');
        // async: it runs as soon as it has arrived, not in turn after the page is parsed.
        return `${html.slice(0, appScript)}<script type="module" async crossorigin src="./${chunk.fileName}"></script>\n    ${html.slice(appScript)}`;
      },
    },
  };
}

/** The renderer, built to dist/renderer and served by both hosts (app:// in Electron, HTTP in the web host). */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), firstAnswersScript()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      input: { index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)), firstAnswers },
    },
  },
});
