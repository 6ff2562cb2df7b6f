// Command-line parsing: one command word, then flags. Unknown flags are usage errors (exit 2)
// so a typo in a script fails loudly instead of silently widening a search.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const COMMANDS = [
  'login',
  'shops',
  'sync',
  'search',
  'show',
  'reply',
  'auto-reply',
  'hide',
  'outbox',
  'templates',
  'export',
  'help',
] as const;
export type Command = (typeof COMMANDS)[number];

const options = {
  server: { type: 'string' },
  location: { type: 'string' },
  db: { type: 'string' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'api-key': { type: 'string' },
  shop: { type: 'string' },
  format: { type: 'string' },
  // search filters
  source: { type: 'string' },
  type: { type: 'string' },
  status: { type: 'string' },
  category: { type: 'string' },
  'date-field': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  item: { type: 'string' },
  order: { type: 'string' },
  text: { type: 'string' },
  limit: { type: 'string' },
  sort: { type: 'string' },
  // actions
  title: { type: 'string' },
  file: { type: 'string' },
  reason: { type: 'string' },
  restrict: { type: 'boolean' },
  lang: { type: 'string' },
  retry: { type: 'string' },
  cancel: { type: 'string' },
  csv: { type: 'string' },
  wait: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export type Flags = ReturnType<typeof parseFlags>['flags'];

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseFlags(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const [word, ...rest] = parsed.positionals;
  const command = (word ?? 'help') as Command;
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command: ${word ?? ''}`);
  return { command, positionals: rest, flags: parsed.values };
}

/** Map a CLI word to its API value, or fail with the list of accepted words. */
export function pick<T extends string>(
  flag: string,
  value: string | undefined,
  table: Record<string, T>,
): T | undefined {
  if (value === undefined) return undefined;
  const hit = table[value];
  if (hit === undefined) {
    throw new UsageError(`--${flag} must be one of: ${Object.keys(table).join(', ')}`);
  }
  return hit;
}

export function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`${flag} must be a positive whole number`);
  }
  return Number(value);
}

export const HELP = `Usage: toiawase <command> [flags]

Commands:
  login                      log in and cache the account's shops
  shops                      list the account's shops
  sync                       fetch new and changed inquiries, deliver the outbox
  search                     search the local cache (filters below)
  show <no>                  show one inquiry and its whole thread
  reply <no> --status replying|complete (--text T | --file F) [--title T]
  auto-reply <no> [--lang ja|zh-CN|en]
  hide <no> --title T --reason R [--restrict]
  outbox [--retry ID | --cancel ID]
  templates                  list frequently used replies
  export --csv FILE          write the search result (all pages) as CSV

Connection:
  --server URL               Qoo10 or QSM sandbox URL (default: the sandbox, $TOIAWASE_SERVER
                             or http://127.0.0.1:8787)
  --location japan|china|other|sandbox
  --user ID                  ID or e-mail
  --password-stdin           read the password from standard input (never echoed or logged);
                             $TOIAWASE_PASSWORD is read when this flag is absent
  --api-key KEY              the QAPI key (default SANDBOX-KEY)
  --db PATH                  the local cache (default: the app's data folder)
  --shop ID|all              the shop to work in (default: all shops / the only shop)

Search:
  --source customer|qoo10  --type general|customer|product
  --status unprocessed|replying|complete  --category shipping|product|payment|return|cancel|other
  --date-field received|answered  --from yyyy-MM-dd  --to yyyy-MM-dd
  --item NO  --order NO  --text T  --sort newest|oldest  --limit N
  --format table|json|csv

Exit codes: 0 ok, 2 usage, 3 invalid input, 4 not found, 5 login/session, 6 network/server,
7 conflict, 1 anything else.
`;
