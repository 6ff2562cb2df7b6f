// Form fields of one QAPI call. Every method declares the fields it accepts; anything else is
// rejected (VALIDATION) so a client typo never silently does something else.
import { QapiError } from './envelope.js';

/** Fields every call may carry besides its own. */
const COMMON_FIELDS = ['returnType'];

export class Form {
  private readonly values: Map<string, string>;

  constructor(values: Map<string, string>) {
    this.values = values;
  }

  /** Throws VALIDATION when a field outside `allowed` (plus returnType) is present. */
  allowOnly(allowed: readonly string[]): this {
    for (const name of this.values.keys()) {
      if (!allowed.includes(name) && !COMMON_FIELDS.includes(name)) {
        throw new QapiError('VALIDATION', `unknown field "${name}"`, { FIELD: name });
      }
    }
    return this;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** A field's raw value, or undefined when absent. Empty strings are kept as sent. */
  raw(name: string): string | undefined {
    return this.values.get(name);
  }

  required(name: string): string {
    const v = this.values.get(name);
    if (v === undefined || v.trim() === '') {
      throw new QapiError('VALIDATION', `field "${name}" is required`, { FIELD: name });
    }
    return v;
  }

  optional(name: string): string | undefined {
    const v = this.values.get(name);
    return v === undefined || v === '' ? undefined : v;
  }

  /** A positive integer field (question numbers, versions). */
  positiveInt(name: string, required: true): number;
  positiveInt(name: string, required: false): number | undefined;
  positiveInt(name: string, required: boolean): number | undefined {
    const v = required ? this.required(name) : this.optional(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,15}$/.test(v.trim()) || Number(v) <= 0) {
      throw new QapiError('VALIDATION', `field "${name}" must be a positive integer`, {
        FIELD: name,
      });
    }
    return Number(v);
  }

  /** One of a fixed set of values. */
  oneOf<T extends string>(name: string, values: readonly T[], fallback?: T): T {
    const v = fallback === undefined ? this.required(name) : (this.optional(name) ?? fallback);
    const found = values.find((x) => x === v);
    if (found === undefined) {
      throw new QapiError('VALIDATION', `field "${name}" must be one of ${values.join(', ')}`, {
        FIELD: name,
      });
    }
    return found;
  }

  /** A short free-text field with a length cap (in characters, i.e. code points). */
  text(name: string, max: number, required: boolean): string | undefined {
    const v = required ? this.required(name) : this.optional(name);
    if (v !== undefined && charCount(v) > max) {
      throw new QapiError('VALIDATION', `field "${name}" is longer than ${max} characters`, {
        FIELD: name,
        MAX: max,
      });
    }
    return v;
  }
}

/** Characters as a person counts them: code points, so an emoji is one, not two. */
export const charCount = (s: string): number => Array.from(s).length;

/** The first `max` characters (code points) of `s`. */
export const truncateChars = (s: string, max: number): string =>
  Array.from(s).slice(0, max).join('');

/**
 * Parses an x-www-form-urlencoded body. A repeated field is ambiguous (which one wins differs
 * between servers), so it is refused.
 */
export function parseFormBody(body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(body)) {
    if (out.has(k)) throw new QapiError('VALIDATION', `field "${k}" is repeated`, { FIELD: k });
    out.set(k, v);
  }
  return out;
}
