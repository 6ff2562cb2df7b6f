// What the e2e global setup hands to the tests (environment variables set before the test
// workers start). Import these instead of reading process.env directly.
export const SHELL_URL_VAR = 'TOIAWASE_SHELL_URL';
export const SANDBOX_URL_VAR = 'TOIAWASE_SANDBOX_URL';

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set: run the e2e tests with \`npx playwright test\``);
  }
  return value;
}

/** The shell's URL with its token: `http://127.0.0.1:<port>/#token=<token>`. */
export const shellUrl = (): string => required(SHELL_URL_VAR);

/** The shell's origin, for pages opened without the token. */
export const shellOrigin = (): string => new URL(shellUrl()).origin;

/** The embedded sandbox (its admin API is on: faults, buyer posts, mail outbox). */
export const sandboxUrl = (): string => required(SANDBOX_URL_VAR);

/** The sandbox's demo account (docs/sandbox-api.md). */
export const DEMO_LOGIN = { user: 'demo', password: 'demo1234', location: 'sandbox' } as const;
