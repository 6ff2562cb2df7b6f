// Reading a QAPI request: the form (x-www-form-urlencoded, or multipart for uploads), the
// returnType and the QAPIVersion header. Anything malformed is a VALIDATION error.
import type { FastifyRequest } from 'fastify';
import { ATTACHMENT_MAX_BYTES } from '../../shared/limits.js';
import { QAPI_VERSION_HEADER } from '../../shared/qapi.js';
import { QapiError } from '../envelope.js';
import { Form, parseFormBody } from '../form.js';
import type { MethodDef, Upload } from '../methods/types.js';

/** Largest x-www-form-urlencoded body: a 1,000-character reply percent-encoded is ~9 KiB. */
export const FORM_BODY_LIMIT = 64 * 1024;

export function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Maps @fastify/multipart's limit errors to wire errors. */
function multipartError(e: unknown): QapiError {
  const code = (e as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new QapiError(
      'ATTACHMENT_TOO_LARGE',
      `attachments are at most ${ATTACHMENT_MAX_BYTES} bytes`,
      {
        MAX_BYTES: ATTACHMENT_MAX_BYTES,
      },
    );
  }
  if (typeof code === 'string' && code.startsWith('FST_')) {
    return new QapiError('VALIDATION', `malformed upload: ${(e as Error).message}`, {
      FIELD: 'file',
    });
  }
  throw e;
}

async function readMultipart(
  request: FastifyRequest,
): Promise<{ values: Map<string, string>; upload?: Upload }> {
  const values = new Map<string, string>();
  let upload: Upload | undefined;
  let problem: QapiError | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        // Drain every file so the connection stays usable, even when it is refused.
        const bytes = await part.toBuffer();
        if (part.fieldname !== 'file') {
          problem ??= new QapiError('VALIDATION', `unknown file field "${part.fieldname}"`, {
            FIELD: part.fieldname,
          });
        }
        upload = { fileName: part.filename, mime: part.mimetype, bytes };
      } else {
        if (values.has(part.fieldname)) {
          problem ??= new QapiError('VALIDATION', `field "${part.fieldname}" is repeated`, {
            FIELD: part.fieldname,
          });
        }
        values.set(part.fieldname, String(part.value));
      }
    }
  } catch (e) {
    throw multipartError(e);
  }
  if (problem) throw problem;
  return upload === undefined ? { values } : { values, upload };
}

export async function readInput(
  request: FastifyRequest,
  def: MethodDef,
): Promise<{ form: Form; upload: Upload | undefined }> {
  if (request.isMultipart()) {
    if (def.multipart !== true) {
      throw new QapiError('VALIDATION', `${def.name} takes application/x-www-form-urlencoded`);
    }
    const { values, upload } = await readMultipart(request);
    return { form: new Form(values), upload };
  }
  const body = typeof request.body === 'string' ? request.body : '';
  return { form: new Form(parseFormBody(body)), upload: undefined };
}

export type AnswerFormat = 'json' | 'xml' | 'bytes';

/**
 * returnType: JSON everywhere; XML also for the certification call; raw bytes for
 * GetAttachment, which answers bytes by default and the envelope when JSON is asked for.
 */
export function answerFormat(form: Form, def: MethodDef): AnswerFormat {
  const t = form.raw('returnType');
  if (t === undefined || t === '') return def.binary === true ? 'bytes' : 'json';
  if (t === 'application/json' || t === 'json') return 'json';
  if ((t === 'text/xml' || t === 'xml') && def.xml === true) return 'xml';
  if (t === 'application/octet-stream' && def.binary === true) return 'bytes';
  const allowed = [
    'application/json',
    def.xml === true ? 'text/xml' : null,
    def.binary === true ? 'application/octet-stream' : null,
  ];
  throw new QapiError(
    'VALIDATION',
    `returnType is ${allowed.filter((x) => x !== null).join(' or ')}`,
    {
      FIELD: 'returnType',
    },
  );
}

export function checkVersionHeader(request: FastifyRequest): void {
  const v = header(request, QAPI_VERSION_HEADER);
  if (v === undefined || !/^\d+(\.\d+)?$/.test(v.trim())) {
    throw new QapiError('VALIDATION', `${QAPI_VERSION_HEADER} header is required (e.g. 1.0)`, {
      FIELD: QAPI_VERSION_HEADER,
    });
  }
}
