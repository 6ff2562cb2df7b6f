// Start-up in parts that overlap: the bridge (in the browser shell, a WebSocket handshake) and
// the first calls to the core start at once, while the app's code loads as its own chunk; once
// the core says where the session opens, that screen's chunk loads too.
import { ensureBridge } from './bridge/index.js';
import { startBoot } from './boot.js';
import { preloadScreenFor } from './screens/load.js';

async function start(): Promise<void> {
  const app = import('./mount.js');
  const boot = ensureBridge().then(startBoot);
  boot
    .then((b) => b.data)
    .then(({ session }) => preloadScreenFor(session.ok ? session.value : null))
    .catch(() => undefined); // no bridge: start() below reports it
  // The app mounts once the bridge exists (every screen calls the core); the data may follow.
  const started = await boot;
  (await app).mountApp(started);
}

void start();
