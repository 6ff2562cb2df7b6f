// Start-up in parts that overlap: the bridge (in the browser shell, a WebSocket handshake) and
// the first calls to the core start at once, while the app's code loads as its own chunk; once
// the core says where the session opens, that screen's chunk loads too.
import { ensureBridge } from './bridge/index.js';
import { startBoot } from './boot.js';
import { loadScreenFor } from './screens/load.js';

async function start(): Promise<void> {
  const boot = ensureBridge().then(startBoot);
  boot
    .then((b) => b.data)
    .then(({ session }) => loadScreenFor(session.ok ? session.value : null))
    .catch(() => undefined); // no bridge: start() below reports it
  // The bridge and the first calls go first: importing the app chunk applies its stylesheet on
  // the spot (Vite's helper appends the link to the preloaded 1 MB Ant Design sheet and it is
  // parsed at once, ~100 ms), which ran before the socket was opened. Now it overlaps the
  // core's answers. The app mounts once the bridge exists (every screen calls the core); the
  // data may follow.
  const started = await boot;
  (await import('./mount.js')).mountApp(started);
}

void start();
