import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Lists the settings shell's chunk (and the chunks it imports) in index.html as modulepreload, so
 * its download runs alongside the first download instead of after it: the shell is a lazy
 * import the browser otherwise discovers only once the first chunks have run. The shell is small
 * (the tree and the layout); the forms and pages it draws next stay on demand (app/shellParts).
 */
function preloadShell(entry: string): Plugin {
  return {
    name: 'backoffice:preload-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        const shell = Object.values(bundle).find((output) => output.type === 'chunk' && output.facadeModuleId?.endsWith(entry));
        if (!shell || shell.type !== 'chunk') throw new Error(`no chunk for ${entry}`);
        const files = [shell.fileName, ...shell.imports].filter((file) => !html.includes(file));
        return [...new Set(files)].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/** The renderer, built to dist/renderer and served by both hosts (app:// in Electron, HTTP in the web host). */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), preloadShell('renderer/src/app/Shell.tsx')],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
