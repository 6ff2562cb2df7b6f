// How a CLI invocation gets a session: with a password (stdin or $TOIAWASE_PASSWORD) it logs
// in; without one it opens the cached account read-only-until-login, so searching and reading
// work offline and actions queue in the outbox for the next run that has a password.
import type { LoginLocation } from '../../shared/domain.js';
import { AppFailure, type Result } from '../../shared/errors.js';
import type { SessionInfo } from '../../shared/api.js';
import type { LocalCore } from '../core/index.js';
import { UsageError, type Flags } from './args.js';

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:8787';

export interface Connection {
  location: LoginLocation;
  serverUrl: string | undefined;
  user: string | undefined;
  password: string | undefined;
}

const LOCATIONS: readonly LoginLocation[] = ['japan', 'china', 'other', 'sandbox'];

export async function readPassword(
  flags: Flags,
  stdin: NodeJS.ReadableStream,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  if (flags['password-stdin'] !== true) return env.TOIAWASE_PASSWORD || undefined;
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : String(chunk);
  const password = text.replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('--password-stdin: standard input was empty');
  return password;
}

export function connectionOf(flags: Flags, password: string | undefined): Connection {
  const location = flags.location;
  if (location !== undefined && !LOCATIONS.includes(location as LoginLocation)) {
    throw new UsageError(`--location must be one of: ${LOCATIONS.join(', ')}`);
  }
  if (flags.server !== undefined && location !== undefined && location !== 'sandbox') {
    throw new UsageError('--server and --location japan|china|other are exclusive');
  }
  return {
    location:
      flags.server !== undefined
        ? 'custom'
        : ((location as LoginLocation | undefined) ?? 'sandbox'),
    serverUrl: flags.server,
    user: flags.user,
    password,
  };
}

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new AppFailure(r.error.code, r.error.message, r.error.details);
  return r.value;
}

/** Log in (password given) or open the cached account; `needOnline` refuses the latter. */
export async function openSession(
  core: LocalCore,
  c: Connection,
  needOnline: boolean,
): Promise<SessionInfo> {
  if (c.password !== undefined) {
    if (c.user === undefined) throw new UsageError('--user is required to log in');
    return unwrap(
      await core.api.login({
        user: c.user,
        password: c.password,
        location: c.location,
        ...(c.serverUrl === undefined ? {} : { serverUrl: c.serverUrl }),
        remember: false,
      }),
    );
  }
  if (needOnline) {
    throw new UsageError('this command talks to the server: pass --user and --password-stdin');
  }
  return core.session.openCached({ user: c.user, serverUrl: c.serverUrl, location: c.location });
}

export { unwrap };
