// Debian's Chromium as every browser run here launches it (the e2e tests and the benchmarks):
// never a downloaded browser, and nothing that reaches beyond 127.0.0.1.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
