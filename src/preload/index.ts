// Preload (sandboxed, context-isolated): puts exactly one object on the page's window —
// `window.toiawase`, the InboxBridge. Nothing else of Electron or Node reaches the renderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { InboxBridge } from '../shared/api.js';
import { createInboxBridge } from './bridge.js';

const bridge: InboxBridge = createInboxBridge(ipcRenderer);
contextBridge.exposeInMainWorld('toiawase', bridge);
