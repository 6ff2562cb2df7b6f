import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ensureBridge } from './bridge/index.js';
import { createI18n } from './i18n.js';
import 'antd/dist/antd.css';
import './styles.css';

async function start(): Promise<void> {
  await ensureBridge();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App i18n={createI18n()} />
    </StrictMode>,
  );
}

void start();
