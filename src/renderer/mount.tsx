// The app's code proper (React, Ant Design, the screens): main.tsx loads this chunk while the
// bridge connects, then mounts it.
import 'antd/dist/antd.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import type { BootData } from './boot.js';
import { createI18n } from './i18n.js';
import './styles.css';

export function mountApp(bootData: Promise<BootData>): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App i18n={createI18n()} bootData={bootData} />
    </StrictMode>,
  );
}
