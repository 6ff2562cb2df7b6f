// The QAPI envelope: success as {ResultCode:0,...}, failure as {ErrorCode,...}, both on HTTP 200
// (research §1.3). Every rule the sandbox enforces throws a QapiError; the dispatcher turns it
// into the wire form, so no handler ever writes an error body by hand.
import { WIRE_ERRORS, type WireErrorCode } from '../shared/qapi.js';

export type WireErrorName = keyof typeof WIRE_ERRORS;

export class QapiError extends Error {
  readonly code: WireErrorName;
  readonly detail: Record<string, unknown> | undefined;
  constructor(code: WireErrorName, message: string, detail?: Record<string, unknown>) {
    super(message);
    this.name = 'QapiError';
    this.code = code;
    this.detail = detail;
  }
  get wireCode(): WireErrorCode {
    return WIRE_ERRORS[this.code];
  }
}

export interface SuccessBody {
  ResultCode: 0;
  ResultMsg: 'SUCCESS';
  ResultObject: unknown;
}
export interface ErrorBody {
  ErrorCode: number;
  ErrorMsg: string;
  ErrorObject?: Record<string, unknown>;
}

export const success = (result: unknown): SuccessBody => ({
  ResultCode: 0,
  ResultMsg: 'SUCCESS',
  ResultObject: result,
});

export function errorBody(e: QapiError): ErrorBody {
  return e.detail === undefined
    ? { ErrorCode: e.wireCode, ErrorMsg: e.message }
    : { ErrorCode: e.wireCode, ErrorMsg: e.message, ErrorObject: e.detail };
}

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The XML form the certification call also answers in (research §1.2, qiita sample). */
export function toXml(body: SuccessBody | ErrorBody): string {
  const fields = Object.entries(body)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><StdResult>${fields}</StdResult>`;
}
