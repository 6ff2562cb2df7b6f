// Starts one browser shell for the whole e2e run — embedded sandbox with demo data and its admin
// API, the core in its worker, the web server — and exports its URL for the tests. With
// TOIAWASE_SHELL_URL already set (a shell you started yourself), it starts nothing.
import { startShell } from '../../src/main/web/shell.js';
import { SANDBOX_URL_VAR, SHELL_URL_VAR } from './shell-env.js';

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[SHELL_URL_VAR]) return undefined;
  const shell = await startShell({
    port: 0,
    inquiries: Number(process.env.TOIAWASE_E2E_INQUIRIES ?? 300),
    sandboxAdmin: true,
    log: (line) => console.log(`[shell] ${line}`),
  });
  process.env[SHELL_URL_VAR] = shell.url;
  process.env[SANDBOX_URL_VAR] = shell.sandbox?.url ?? '';
  return () => shell.close();
}
