// One HTTP exchange with Qoo10 (or the sandbox): form POST to `<base>/…/<Class>.<Method>`, the
// JSON envelope unwrapped, wire errors mapped, bounded retries with full-jitter backoff for
// network errors, 5xx and RATE_LIMITED. Secrets (key header, pwd field) never reach a message.
import { AppFailure } from '../../../shared/errors.js';
import {
  errorEnvelopeSchema,
  qapiUrl,
  QAPI_KEY_HEADER,
  QAPI_VERSION,
  QAPI_VERSION_HEADER,
} from '../../../shared/qapi.js';
import {
  DEFAULT_BACKOFF,
  fullJitterDelay,
  hintedDelay,
  sleep,
  type BackoffPolicy,
} from './backoff.js';
import { isTransient, wireFailure } from './wire-errors.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  baseUrl: string;
  fetch?: FetchLike;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Attempts per call, first one included. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Told after every exchange whether the server could be reached (connectivity signal). */
  onOutcome?: (reachable: boolean) => void;
}

export interface CallOptions {
  /** GiosisCertificationKey: the app's API key for CreateCertificationKey, else the seller key. */
  key: string;
  /**
   * False for calls that would act twice if repeated (public SetInquiryMessage has no request
   * id): those are retried only when the request provably never reached the server.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface Transport {
  readonly baseUrl: string;
  /** ResultObject of a successful call (unvalidated: the adapter parses it with its schema). */
  call(method: string, form: Record<string, string>, opts: CallOptions): Promise<unknown>;
  /** Same, with a multipart body (attachments). */
  callMultipart(method: string, body: FormData, opts: CallOptions): Promise<unknown>;
  /** A call that answers raw bytes on success (attachment download); errors stay envelopes. */
  callFile(method: string, form: Record<string, string>, opts: CallOptions): Promise<FileAnswer>;
}

export interface FileAnswer {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
}

/** RFC 6266 filename*=UTF-8''… (or a plain filename=…). */
function dispositionName(header: string | null): string {
  if (header === null) return 'file';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1] !== undefined) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return 'file';
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? 'file';
}

async function readFile(method: string, res: Response): Promise<FileAnswer> {
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || type.includes('json') || type.includes('xml')) {
    await readEnvelope(method, res);
    throw new AppFailure('BAD_RESPONSE', `${method}: expected a file`);
  }
  return {
    bytes: new Uint8Array(await res.arrayBuffer()),
    mime: type.split(';')[0]?.trim() ?? 'application/octet-stream',
    fileName: dispositionName(res.headers.get('content-disposition')),
  };
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_ATTEMPTS = 4;

/** Node's fetch wraps socket errors as TypeError('fetch failed') with the system error as cause. */
function causeCode(e: unknown): string | undefined {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

function networkFailure(method: string, e: unknown): AppFailure {
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return new AppFailure('TIMEOUT', `${method}: no answer in time`);
  const code = causeCode(e);
  return new AppFailure('NETWORK', `${method}: ${code ?? 'network error'}`, {
    ...(code === undefined ? {} : { cause: code }),
    method,
  });
}

function retryAfterHeader(res: Response): number | undefined {
  const v = res.headers.get('retry-after');
  if (v === null) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Turns one HTTP answer into the ResultObject or an AppFailure. */
async function readEnvelope(method: string, res: Response): Promise<unknown> {
  if (res.status === 429) {
    const hint = retryAfterHeader(res);
    throw new AppFailure('RATE_LIMITED', `${method}: HTTP 429`, {
      http: 429,
      ...(hint === undefined ? {} : { retryAfterMs: hint }),
    });
  }
  if (res.status >= 500) {
    await res.body?.cancel();
    throw new AppFailure('SERVER_ERROR', `${method}: HTTP ${res.status}`, { http: res.status });
  }
  const text = await res.text();
  if (res.status !== 200) {
    throw new AppFailure('BAD_RESPONSE', `${method}: HTTP ${res.status}`, { http: res.status });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppFailure('BAD_RESPONSE', `${method}: answer is not JSON`);
  }
  if (typeof body !== 'object' || body === null) {
    throw new AppFailure('BAD_RESPONSE', `${method}: answer is not an object`);
  }
  const rec = body as Record<string, unknown>;
  if ('ErrorCode' in rec) {
    const env = errorEnvelopeSchema.safeParse(rec);
    if (!env.success) throw new AppFailure('BAD_RESPONSE', `${method}: malformed error answer`);
    throw wireFailure(method, env.data);
  }
  // Some Qoo10 methods report failure as a non-zero ResultCode in the success shape.
  if (typeof rec.ResultCode === 'number' && rec.ResultCode < 0) {
    throw wireFailure(method, {
      ErrorCode: rec.ResultCode,
      ErrorMsg: typeof rec.ResultMsg === 'string' ? rec.ResultMsg : '',
    });
  }
  if (rec.ResultCode !== 0 || !('ResultObject' in rec)) {
    throw new AppFailure('BAD_RESPONSE', `${method}: not a QAPI envelope`);
  }
  return rec.ResultObject;
}

export function createTransport(opts: TransportOptions): Transport {
  const fetchFn: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_ATTEMPTS);
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const random = opts.random ?? Math.random;

  async function once<T>(
    method: string,
    body: BodyInit,
    call: CallOptions,
    read: (method: string, res: Response) => Promise<T>,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.signal === undefined ? timeout : AbortSignal.any([timeout, call.signal]);
    let res: Response;
    try {
      res = await fetchFn(qapiUrl(opts.baseUrl, method), {
        method: 'POST',
        headers: { [QAPI_KEY_HEADER]: call.key, [QAPI_VERSION_HEADER]: QAPI_VERSION },
        body,
        signal,
      });
    } catch (e) {
      if (call.signal?.aborted) throw e;
      opts.onOutcome?.(false);
      throw networkFailure(method, e);
    }
    opts.onOutcome?.(true);
    try {
      return await read(method, res);
    } catch (e) {
      if (e instanceof AppFailure) throw e;
      if (call.signal?.aborted) throw e;
      // The connection broke while the body was streaming.
      throw networkFailure(method, e);
    }
  }

  function mayRetry(e: unknown, call: CallOptions): boolean {
    if (!isTransient(e)) return false;
    if (call.idempotent !== false) return true;
    // Not idempotent: only when nothing can have reached the server.
    const f = e as AppFailure;
    return f.code === 'RATE_LIMITED' || f.details?.cause === 'ECONNREFUSED';
  }

  async function withRetries<T>(
    method: string,
    makeBody: () => BodyInit,
    call: CallOptions,
    read: (method: string, res: Response) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(method, makeBody(), call, read);
      } catch (e) {
        if (attempt + 1 >= maxAttempts || !mayRetry(e, call)) throw e;
        const hint = (e as AppFailure).details?.retryAfterMs;
        const delay =
          typeof hint === 'number'
            ? hintedDelay(hint, backoff, random)
            : fullJitterDelay(attempt, backoff, random);
        await sleep(delay, call.signal);
      }
    }
  }

  return {
    baseUrl: opts.baseUrl,
    call(method, form, call) {
      const fields = { ...form, returnType: 'application/json' };
      return withRetries(method, () => new URLSearchParams(fields), call, readEnvelope);
    },
    callMultipart(method, body, call) {
      return withRetries(method, () => body, call, readEnvelope);
    },
    callFile(method, form, call) {
      // Bytes on success; failures still come back as JSON envelopes.
      const fields = { ...form, returnType: 'application/octet-stream' };
      return withRetries(method, () => new URLSearchParams(fields), call, readFile);
    },
  };
}
