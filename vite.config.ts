/**
 * One config, five builds (`vite build --mode <target>`, run in order by `npm run build`):
 *   widget — the lazy messenger chunk(s), ESM          → dist/public/widget/widget.js
 *   sdk    — the script-tag loader + core, IIFE        → dist/public/sdk.js (+ snippet.js for size checks)
 *   npm    — the same core as ESM for `parley/sdk`     → dist/npm/sdk.js
 *   inbox  — the agent app                             → dist/public/inbox/
 *   server — the Node server bundle (deps external)    → dist/server/main.js
 */
import { defineConfig, type UserConfig } from 'vite';
import { snippet } from './server/pages/snippet.js';

const jsx = { jsx: { runtime: 'automatic' as const, importSource: 'preact' } };
const browser = {
  define: { 'process.env.NODE_ENV': '"production"' },
  oxc: jsx,
};

function emitSnippet() {
  return {
    name: 'parley-emit-snippet',
    generateBundle(this: { emitFile(f: { type: 'asset'; fileName: string; source: string }): void }) {
      this.emitFile({ type: 'asset', fileName: 'snippet.js', source: snippet('https://parley.example.com') });
    },
  };
}

const targets: Record<string, UserConfig> = {
  widget: {
    ...browser,
    publicDir: false,
    build: {
      outDir: 'dist/public/widget',
      emptyOutDir: true,
      target: 'es2020',
      minify: true,
      lib: { entry: 'widget/index.tsx', formats: ['es'], fileName: () => 'widget.js' },
      // Lib mode keeps whitespace in ES output; this chunk is loaded by browsers, so compact it fully.
      // Lazy parts get their own names so size-limit can budget each (DESIGN.md §6).
      rollupOptions: {
        output: {
          chunkFileNames: (chunk) => {
            const lazy = (id: string) => ['/widget/inapp/ui/', '/widget/surveys/ui/', '/widget/tours/'].some((dir) => id.includes(dir));
            if (chunk.facadeModuleId?.includes('/widget/surveys/ui/')) return 'surveys-[hash].js';
            if (chunk.facadeModuleId?.includes('/widget/help/ui/')) return 'help-[hash].js';
            if (chunk.facadeModuleId?.includes('/widget/i18n/')) return 'locale-[name]-[hash].js';
            if (chunk.facadeModuleId?.includes('/widget/tours/picker/')) return 'picker-[hash].js';
            if (chunk.facadeModuleId?.includes('/widget/tours/')) return 'tours-[hash].js';
            // Floating UI positions tooltips and tour steps: loaded by either lazy chunk, never by the messenger.
            if (chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => id.includes('/node_modules/@floating-ui/'))) return 'floating-[hash].js';
            // The in-app views, and code only the lazy views share, load with the in-app chunk.
            if (chunk.facadeModuleId?.includes('/widget/inapp/ui/') || (chunk.moduleIds.length > 0 && chunk.moduleIds.every(lazy))) return 'inapp-[hash].js';
            return 'chunk-[hash].js';
          },
          minify: true,
        },
      },
    },
  },
  sdk: {
    ...browser,
    publicDir: false,
    plugins: [emitSnippet()],
    build: {
      outDir: 'dist/public',
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      lib: { entry: 'sdk/loader.ts', formats: ['iife'], name: 'ParleySdk', fileName: () => 'sdk.js' },
    },
  },
  npm: {
    ...browser,
    publicDir: false,
    build: {
      outDir: 'dist/npm',
      emptyOutDir: true,
      target: 'es2020',
      minify: false,
      lib: { entry: 'sdk/index.ts', formats: ['es'], fileName: () => 'sdk.js' },
    },
  },
  inbox: {
    ...browser,
    root: 'inbox',
    base: '/inbox/',
    publicDir: false,
    build: { outDir: '../dist/public/inbox', emptyOutDir: true, target: 'es2020' },
  },
  server: {
    oxc: jsx,
    publicDir: false,
    build: {
      ssr: 'server/main.ts',
      outDir: 'dist/server',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rollupOptions: { output: { entryFileNames: 'main.js' } },
    },
  },
};

export default defineConfig(({ mode }) => targets[mode] ?? { ...browser, root: 'inbox', base: '/inbox/' });
