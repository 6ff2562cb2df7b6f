// The QAPI endpoint: POST <prefix>/<Class>.<Method>, method names case-insensitive as on
// Qoo10, every failure an envelope on HTTP 200. Faults are applied here, around the call.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { QAPI_KEY_HEADER, QAPI_PATH_PREFIX } from '../../shared/qapi.js';
import { authenticate } from '../auth.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/schema.js';
import {
  QapiError,
  errorBody,
  success,
  toXml,
  type ErrorBody,
  type SuccessBody,
} from '../envelope.js';
import type { Faults } from '../faults.js';
import { ATTACHMENT_METHODS } from '../methods/attachments.js';
import { PUBLIC_METHODS } from '../methods/public.js';
import { QPOST_ACTION_METHODS, QPOST_READ_METHODS } from '../methods/qpost.js';
import { FileResult, type MethodDef } from '../methods/types.js';
import {
  FORM_BODY_LIMIT,
  answerFormat,
  checkVersionHeader,
  header,
  readInput,
  type AnswerFormat,
} from './qapi-input.js';

export interface QapiDeps {
  db: Db;
  clock: Clock;
  faults: Faults;
  feedSecret: () => string;
}

const METHODS = new Map<string, MethodDef>(
  [...PUBLIC_METHODS, ...QPOST_READ_METHODS, ...QPOST_ACTION_METHODS, ...ATTACHMENT_METHODS].map(
    (m) => [m.name.toLowerCase(), m],
  ),
);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function serverError(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .type('text/html; charset=utf-8')
    .send('<html><body><h1>503 Service Unavailable</h1><p>QSM sandbox fault</p></body></html>');
}

function drop(request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  request.raw.socket.destroy();
}

function send(
  reply: FastifyReply,
  body: SuccessBody | ErrorBody | FileResult,
  format: AnswerFormat,
): FastifyReply {
  if (body instanceof FileResult) {
    return reply
      .type(body.mime)
      .header(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(body.fileName)}`,
      )
      .header('X-Content-Type-Options', 'nosniff')
      .send(body.bytes);
  }
  return format === 'xml'
    ? reply.type('text/xml; charset=utf-8').send(toXml(body))
    : reply.send(body);
}

/** A file asked for as JSON: its row plus base64 DATA (attachmentDataSchema). */
const fileEnvelope = (f: FileResult): SuccessBody =>
  success({
    FILE_ID: f.fileId,
    FILE_NM: f.fileName,
    MIME: f.mime,
    SIZE: f.bytes.length,
    DATA: f.bytes.toString('base64'),
  });

/** Runs one call; every QapiError becomes an error envelope. */
async function call(
  deps: QapiDeps,
  request: FastifyRequest<{ Params: { method: string } }>,
): Promise<{ body: SuccessBody | ErrorBody | FileResult; format: AnswerFormat }> {
  let format: AnswerFormat = 'json';
  try {
    const def = METHODS.get(request.params.method.toLowerCase());
    if (def === undefined)
      throw new QapiError('UNKNOWN_API', `unknown API "${request.params.method}"`);
    const { form, upload } = await readInput(request, def);
    const wanted = answerFormat(form, def);
    // Errors before the call are envelopes even where bytes were asked for.
    format = wanted === 'bytes' ? 'json' : wanted;
    checkVersionHeader(request);
    const key = header(request, QAPI_KEY_HEADER);
    const accountId = def.auth === 'seller' ? authenticate(deps.db, deps.clock, key) : 0;
    form.allowOnly(def.fields);
    const out = def.run({
      db: deps.db,
      clock: deps.clock,
      form,
      accountId,
      key,
      upload,
      feedSecret: deps.feedSecret(),
    });
    if (out instanceof FileResult)
      return { body: wanted === 'bytes' ? out : fileEnvelope(out), format };
    return { body: success(out), format };
  } catch (e) {
    if (e instanceof QapiError) return { body: errorBody(e), format };
    throw e;
  }
}

function rateLimited(reply: FastifyReply, retryAfterMs: number, limit: number): FastifyReply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return reply.header('Retry-After', String(seconds)).send(
    errorBody(
      new QapiError('RATE_LIMITED', `more than ${limit} requests per second for this key`, {
        RETRY_AFTER_MS: retryAfterMs,
        RETRY_AFTER_SEC: seconds,
        LIMIT_PER_SEC: limit,
      }),
    ),
  );
}

/** Fastify's own errors (body limits, content types) as envelopes. */
function wireErrorFor(error: FastifyError): QapiError | null {
  if (error instanceof QapiError) return error;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new QapiError('BODY_TOO_LARGE', `request body over ${FORM_BODY_LIMIT} bytes`, {
      MAX_BYTES: FORM_BODY_LIMIT,
    });
  }
  if ((error.statusCode ?? 500) < 500) return new QapiError('VALIDATION', error.message);
  return null;
}

export async function qapiRoutes(app: FastifyInstance, deps: QapiDeps): Promise<void> {
  await app.register(multipart, { throwFileSizeLimit: true });
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const wire = wireErrorFor(error);
    if (wire === null) {
      request.log.error(error);
      return reply.code(500).send({ ErrorCode: -1, ErrorMsg: 'internal sandbox error' });
    }
    return reply.code(200).send(errorBody(wire));
  });

  app.post<{ Params: { method: string } }>(
    `${QAPI_PATH_PREFIX}/:method`,
    async (request, reply) => {
      const key = header(request, QAPI_KEY_HEADER) ?? `ip:${request.ip}`;
      const decision = deps.faults.decide(key, deps.clock.now());
      if (decision.delayMs > 0) await sleep(decision.delayMs);
      if (decision.retryAfterMs !== null)
        return rateLimited(reply, decision.retryAfterMs, deps.faults.current.ratelimit);
      if (decision.error === 'before') return serverError(reply);
      if (decision.drop === 'before') return drop(request, reply);
      const { body, format } = await call(deps, request);
      if (decision.error === 'after') return serverError(reply);
      if (decision.drop === 'after') return drop(request, reply);
      return send(reply, body, format);
    },
  );
}
