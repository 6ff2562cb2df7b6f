// The renderer build, shared by the Electron build (electron.vite.config.ts) and the browser
// shell, which serves out/renderer as static files.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    // electron-vite leaves its builds unminified unless told; the shipped renderer should be
    // the small one (less to parse at every start).
    minify: true,
    rolldownOptions: {
      input: resolve(import.meta.dirname, 'src/renderer/index.html'),
    },
  },
};

export default rendererConfig;
