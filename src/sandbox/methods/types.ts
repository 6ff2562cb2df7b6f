// What a QAPI method is to the dispatcher: the fields it accepts, how it authenticates and what
// it answers. Methods never touch HTTP; the dispatcher does.
import type { Clock } from '../clock.js';
import type { Db } from '../db/schema.js';
import type { Form } from '../form.js';

/** A file answer (GetAttachment) instead of an envelope. */
export class FileResult {
  constructor(
    readonly fileId: string,
    readonly fileName: string,
    readonly mime: string,
    readonly bytes: Buffer,
  ) {}
}

export interface Upload {
  fileName: string;
  mime: string;
  bytes: Buffer;
}

export interface CallContext {
  db: Db;
  clock: Clock;
  form: Form;
  /** The account of the seller key (0 for the certification call, which has none yet). */
  accountId: number;
  /** The raw GiosisCertificationKey header. */
  key: string | undefined;
  upload: Upload | undefined;
  /** The feed epoch secret: cursors signed with an older one are unknown. */
  feedSecret: string;
}

export interface MethodDef {
  /** Canonical `<Class>.<Method>`, as in src/shared/qapi.ts. */
  name: string;
  /** 'api-key': the header carries the account API key (certification only). */
  auth: 'api-key' | 'seller';
  fields: readonly string[];
  /** Answers text/xml as well as JSON. */
  xml?: boolean;
  /** Answers raw bytes unless returnType=application/json asks for the envelope. */
  binary?: boolean;
  /** Takes a multipart body with one file. */
  multipart?: boolean;
  run(ctx: CallContext): unknown;
}
