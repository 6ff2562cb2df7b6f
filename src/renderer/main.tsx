// Start-up in two halves that overlap: the bridge (in the browser shell, a WebSocket handshake)
// and the first calls to the core start at once, while the app's code loads as its own chunk.
import { ensureBridge } from './bridge/index.js';
import { loadBootData } from './boot.js';

async function start(): Promise<void> {
  const app = import('./mount.js');
  const bridgeReady = ensureBridge();
  const bootData = bridgeReady.then(loadBootData);
  // The app mounts once the bridge exists (every screen calls the core); the data may follow.
  await bridgeReady;
  (await app).mountApp(bootData);
}

void start();
