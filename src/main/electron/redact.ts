// Log redaction: nothing the logger writes may contain a password or a seller key. Two nets:
// fields whose *name* says "secret" are blanked wherever they sit, and secret *values* the shell
// has seen (the password of a login call, a saved credential) are scrubbed out of any text.
export const REDACTED = '[redacted]';

/** Field names whose values are secrets, whatever the nesting. */
const SECRET_KEY =
  /pass(word|wd)?|secret|token|api[-_]?key|apikey|cert(ification)?[-_]?key|seller[-_]?key|authorization|cookie|credential/i;

/** `password=...`, `"apiKey": "..."`, `Authorization: Bearer ...` inside free text. */
const SECRET_IN_TEXT =
  /((?:pass(?:word|wd)?|secret|token|api[-_]?key|apikey|cert(?:ification)?[-_]?key|seller[-_]?key|authorization)["']?\s*[:=]\s*["']?)(?:bearer\s+)?[^\s"'&,;}]+/gi;

/** Shorter values would scrub ordinary words out of every line. */
const MIN_SECRET_LENGTH = 4;
const MAX_DEPTH = 6;

export class Redactor {
  readonly #secrets = new Set<string>();

  /** Remember a secret value so it is scrubbed from any later log text. */
  addSecret(value: string | null | undefined): void {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) this.#secrets.add(value);
  }

  text(input: string): string {
    let out = input.replace(SECRET_IN_TEXT, `$1${REDACTED}`);
    for (const secret of this.#secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** A redacted copy of any loggable value (the original is never mutated). */
  value(input: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
    if (typeof input === 'string') return this.text(input);
    if (input === null || typeof input !== 'object') return input;
    if (seen.has(input) || depth >= MAX_DEPTH) return '[…]';
    seen.add(input);
    if (input instanceof Error) return this.#error(input, depth, seen);
    if (Array.isArray(input)) return input.map((v: unknown) => this.value(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(input)) {
      out[key] = SECRET_KEY.test(key) ? REDACTED : this.value(v, depth + 1, seen);
    }
    return out;
  }

  #error(e: Error, depth: number, seen: WeakSet<object>): Error {
    const copy = new Error(this.text(e.message));
    copy.name = e.name;
    copy.stack = e.stack === undefined ? undefined : this.text(e.stack);
    const code = (e as { code?: unknown }).code;
    if (code !== undefined) (copy as { code?: unknown }).code = this.value(code, depth + 1, seen);
    return copy;
  }
}
