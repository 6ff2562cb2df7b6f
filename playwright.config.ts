// End-to-end tests in Debian's Chromium (never `npx playwright install`) against the real stack:
// embedded QSM sandbox → core (worker thread) → browser shell → renderer. The global setup
// starts one shell for the run and hands its URL (token included) to the tests through the
// TOIAWASE_SHELL_URL environment variable; see tests/e2e/shell-env.ts.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium.js';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  // One shell, one sandbox: tests share state, so they run one after another.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
