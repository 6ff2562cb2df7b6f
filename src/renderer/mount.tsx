// The app's code proper (React, Ant Design, the shell of the screens): main.tsx loads this chunk
// while the bridge connects, then mounts it.
import 'antd/dist/antd.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import type { Boot } from './boot.js';
import { createI18n, isLanguage } from './i18n.js';
import './styles.css';

export function mountApp(boot: Boot): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  // A restored session whose settings are already in renders in the seller's language at once.
  const data = boot.ready;
  const restored = data?.session.ok === true && data.session.value !== null;
  const language = restored && data.settings.ok ? data.settings.value.language : undefined;
  createRoot(root).render(
    <StrictMode>
      <App i18n={createI18n(isLanguage(language) ? language : undefined)} boot={boot} />
    </StrictMode>,
  );
}
