import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log from 'electron-log/node';
import { afterAll, describe, expect, it } from 'vitest';
import { Redactor, REDACTED } from '../../../../src/main/electron/redact.js';
import { coreLogger, redactionHook } from '../../../../src/main/electron/log-redaction.js';

describe('Redactor', () => {
  it('blanks secret-named fields at any depth, without mutating the original', () => {
    const r = new Redactor();
    const input = {
      user: 'demo',
      password: 'demo1234',
      nested: { apiKey: 'SANDBOX-KEY', list: [{ sellerKey: 'abc' }, { certificationKey: 'x' }] },
      headers: { Authorization: 'Bearer t0k3n', Cookie: 'sid=1' },
    };
    expect(r.value(input)).toEqual({
      user: 'demo',
      password: REDACTED,
      nested: { apiKey: REDACTED, list: [{ sellerKey: REDACTED }, { certificationKey: REDACTED }] },
      headers: { Authorization: REDACTED, Cookie: REDACTED },
    });
    expect(input.password).toBe('demo1234');
  });

  it('scrubs key=value secrets out of free text', () => {
    const r = new Redactor();
    expect(r.text('GET /api?user=demo&password=demo1234&x=1')).toBe(
      `GET /api?user=demo&password=${REDACTED}&x=1`,
    );
    expect(r.text('{"apiKey":"SANDBOX-KEY","n":1}')).toBe(`{"apiKey":"${REDACTED}","n":1}`);
    expect(r.text('authorization: Bearer abc.def')).toBe(`authorization: ${REDACTED}`);
  });

  it('scrubs a known secret wherever it appears, also inside errors', () => {
    const r = new Redactor();
    r.addSecret('hunter2-very-secret');
    r.addSecret('ab'); // too short to scrub safely
    const e = new Error('login failed for hunter2-very-secret');
    const out = r.value({ error: e, note: 'echo hunter2-very-secret back', ab: 'ab' }) as {
      error: Error;
      note: string;
    };
    expect(out.error.message).toBe(`login failed for ${REDACTED}`);
    expect(out.error.stack).not.toContain('hunter2-very-secret');
    expect(out.note).toBe(`echo ${REDACTED} back`);
  });

  it('survives cycles and deep nesting', () => {
    const r = new Redactor();
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(r.value(a)).toEqual({ name: 'a', self: '[…]' });
  });
});

describe('electron-log with the redaction hook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'toiawase-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never writes a password or seller key to the log file', () => {
    const file = join(dir, 'main.log');
    const logger = log.create({ logId: 'redaction-test' });
    const redactor = new Redactor();
    logger.hooks.push(redactionHook(redactor));
    logger.transports.console.level = false;
    logger.transports.file.resolvePathFn = () => file;
    logger.transports.file.sync = true;
    const core = coreLogger(logger);

    redactor.addSecret('pa55-w0rd-xyz');
    core.info('login', { user: 'demo', password: 'pa55-w0rd-xyz', location: 'sandbox' });
    core.warn('gateway said: password=pa55-w0rd-xyz rejected');
    core.error('auth failed', { request: { GiosisCertificationKey: 'SELLER-KEY-123' } });
    logger.info('raw', new Error('bad key pa55-w0rd-xyz'), 'sellerKey=SELLER-KEY-123');

    const text = readFileSync(file, 'utf8');
    expect(text).toContain('login');
    expect(text).toContain('demo');
    expect(text).not.toContain('pa55-w0rd-xyz');
    expect(text).not.toContain('SELLER-KEY-123');
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(5);
  });
});
