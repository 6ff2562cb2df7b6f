// Start-up in parts that overlap: the bridge (in the browser shell, a WebSocket handshake) and
// the first calls to the core start at once, while the app's code loads as its own chunk; once
// the core says where the session opens, that screen's chunk loads too.
import { ensureBridge } from './bridge/index.js';
import { startBoot } from './boot.js';

async function start(): Promise<void> {
  const boot = ensureBridge().then(startBoot); // the boot data includes the screen's code
  // The bridge and the first calls go first: importing the app chunk applies its stylesheet on
  // the spot (Vite's helper appends the link to the preloaded 1 MB Ant Design sheet and it is
  // parsed at once, ~100 ms), which ran before the socket was opened. Now it overlaps the
  // core's answers.
  const started = await boot;
  // The app mounts once its code and the boot data are both in: its first render is then the
  // screen they lead to. Mounting earlier rendered a spinner first (Ant Design's theme, a
  // fullscreen Spin: ~100 ms of a cold start) only to replace it; index.html's still splash
  // stands in until then.
  const [app] = await Promise.all([import('./mount.js'), started.data.catch(() => null)]);
  app.mountApp(started);
}

void start();
