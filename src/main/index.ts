// Electron main-process entry (out/main/index.js). Everything happens in runDesktopApp.
import { app } from 'electron';
import { runDesktopApp } from './electron/desktop-app.js';

runDesktopApp().catch((e: unknown) => {
  console.error('Toiawase failed to start:', e);
  app.exit(1);
});
