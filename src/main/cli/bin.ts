// Process entry of the CLI: real stdio, real environment, the exit code main() decides.
import { AppFailure } from '../../shared/errors.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { main } from './index.js';

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
}).catch((e: unknown) => {
  const code = e instanceof AppFailure ? `${e.code}: ` : '';
  process.stderr.write(`toiawase: ${code}${e instanceof Error ? e.message : String(e)}\n`);
  return e instanceof AppFailure ? exitCodeFor(e.code) : EXIT.internal;
});
