// The renderer build, shared by the Electron build (electron.vite.config.ts) and the browser
// shell, which serves out/renderer as static files.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { HtmlTagDescriptor, Plugin, Rolldown, UserConfig } from 'vite';
import { antdUsedRulesOnly } from './scripts/antd-css.js';

/**
 * The code a start that opens the inbox runs after index.html's own script (main.tsx), in the
 * order it is needed: the browser shell's bridge (the first calls wait for it), the app, the inbox.
 */
const FIRST_SCREEN = [
  '/src/renderer/bridge/ws-bridge.ts',
  '/src/renderer/mount.tsx',
  '/src/renderer/inbox/InboxScreen.tsx',
];

/**
 * main.tsx imports the bridge and the app chunk only once its own script has run, and the inbox
 * chunk only once the core said the session opens there: links in index.html let the browser
 * fetch (and compile) them, their shared chunks and their CSS from the start instead. (In
 * Electron the preload's bridge makes the browser shell's unused: a 6 kB fetch.)
 */
function preloadFirstScreen(): Plugin {
  return {
    name: 'toiawase:preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (bundle === undefined) return [];
        const chunks = Object.values(bundle).filter(
          (c): c is Rolldown.OutputChunk => c.type === 'chunk',
        );
        const scripts = new Set<string>();
        const styles = new Set<string>();
        /** `chunk` and its imports, transitively, into `into` (for the preloads, their CSS too). */
        const add = (chunk: Rolldown.OutputChunk | undefined, into = scripts): void => {
          if (chunk === undefined || into.has(chunk.fileName)) return;
          into.add(chunk.fileName);
          if (into === scripts)
            for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const name of chunk.imports) {
            const next = bundle[name];
            add(next?.type === 'chunk' ? next : undefined, into);
          }
        };
        for (const path of FIRST_SCREEN) {
          const entry = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(path)));
          if (entry === undefined) throw new Error(`no chunk for ${path} to preload`);
          add(entry);
        }
        // The entry is a <script>, and Vite preloads what it imports (transitively) itself.
        const byVite = new Set<string>();
        for (const c of chunks) if (c.isEntry) add(c, byVite);
        for (const name of byVite) scripts.delete(name);
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({
          tag: 'link',
          attrs,
          injectTo: 'head',
        });
        return [
          ...[...scripts].map((f) =>
            link({ rel: 'modulepreload', crossorigin: true, href: `./${f}` }),
          ),
          // crossorigin like the stylesheet links Vite's import helper adds (crossOrigin = ''):
          // without it the preload does not match them, and the helper fetched each CSS file a
          // second time and held the chunk's import until that copy arrived (~200 ms in a
          // cold-start trace). Preloads, not stylesheets: those would hold up index.html's own
          // script, which opens the bridge, until the 1 MB Ant Design sheet is in.
          ...[...styles].map((f) =>
            link({ rel: 'preload', as: 'style', crossorigin: true, href: `./${f}` }),
          ),
        ];
      },
    },
  };
}

/**
 * antd's Button takes its loading icon from our stand-in, src/renderer/antd/ButtonLoadingIcon.tsx
 * (which says why). The build fails when antd's Button no longer imports the module it replaces,
 * rather than shipping without the swap unnoticed.
 */
function antdButtonLoadingIcon(): Plugin {
  const standIn = resolve(import.meta.dirname, 'src/renderer/antd/ButtonLoadingIcon.tsx');
  const button = /[\\/]antd[\\/]es[\\/]button[\\/]Button\.js$/;
  let swapped = false;
  return {
    name: 'toiawase:antd-button-loading-icon',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './DefaultLoadingIcon' || importer === undefined || !button.test(importer))
        return null;
      swapped = true;
      return standIn;
    },
    buildEnd(error) {
      if (error === undefined && !swapped)
        this.error(
          "antd's Button no longer imports ./DefaultLoadingIcon: see ButtonLoadingIcon.tsx",
        );
    },
  };
}

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react(), preloadFirstScreen(), antdButtonLoadingIcon()],
  css: { postcss: { plugins: [antdUsedRulesOnly()] } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    // electron-vite leaves its builds unminified unless told; the shipped renderer should be
    // the small one (less to parse at every start).
    minify: true,
    rolldownOptions: {
      input: resolve(import.meta.dirname, 'src/renderer/index.html'),
      output: {
        codeSplitting: {
          // What opens the bridge and asks the core for the first screen, in one small chunk
          // that index.html's script imports: left to itself, the bundler split it into four
          // (the API, its errors, the bridge, the WebSocket bridge behind a dynamic import),
          // each a request queued among the 1.3 MB of the first screen's code, and the socket
          // opened only once the last had come. Cold starts at 100k, 10 alternated: mean
          // 1,051 -> 992 ms.
          groups: [
            {
              name: 'boot',
              test: /src[\\/](renderer[\\/](main\.tsx|boot\.ts|api\.ts|bridge[\\/])|shared[\\/]errors\.ts)/,
            },
          ],
        },
      },
    },
  },
};

export default rendererConfig;
